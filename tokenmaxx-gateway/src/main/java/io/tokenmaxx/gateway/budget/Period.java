package io.tokenmaxx.gateway.budget;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * A budget's period: a calendar day, week or month in the organization's time zone. Windows start
 * at local midnight (or the zone's first instant of that day when midnight falls in a DST gap), so
 * a day can last 23 or 25 hours.
 */
public enum Period {
  DAY, WEEK, MONTH;

  /** A period's window: {@code [start, end)}. */
  public record Window(Instant start, Instant end) {
    public boolean contains(Instant t) {
      return !t.isBefore(start) && t.isBefore(end);
    }
  }

  /** The window containing {@code now}. */
  public Window window(Instant now, ZoneId zone, DayOfWeek weekStart) {
    LocalDate d = now.atZone(zone).toLocalDate();
    LocalDate from = switch (this) {
      case DAY -> d;
      case WEEK -> d.with(TemporalAdjusters.previousOrSame(weekStart));
      case MONTH -> d.withDayOfMonth(1);
    };
    LocalDate to = switch (this) {
      case DAY -> from.plusDays(1);
      case WEEK -> from.plusWeeks(1);
      case MONTH -> from.plusMonths(1);
    };
    return new Window(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant());
  }
}
