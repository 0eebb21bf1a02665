package io.tokenmaxx.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Check-in weeks: they start on Monday in the organization's zone, and a week stays open for
 * check-ins and edits until the next week starts plus a grace period (so Monday morning can still
 * describe last week).
 */
public record CheckinCalendar(ZoneId zone, Duration grace, Clock clock) {

  public CheckinCalendar {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(grace, "grace");
    Objects.requireNonNull(clock, "clock");
    if (grace.isNegative()) throw new IllegalArgumentException("checkins.edit-grace must not be negative");
  }

  public LocalDate currentWeek() {
    return week(LocalDate.now(clock.withZone(zone)));
  }

  public static LocalDate week(LocalDate day) {
    return day.minusDays(day.getDayOfWeek().getValue() - 1L);
  }

  /** When check-ins for {@code week} can no longer be submitted or changed. */
  public Instant closesAt(LocalDate week) {
    return week.plusWeeks(1).atStartOfDay(zone).toInstant().plus(grace);
  }

  public boolean open(LocalDate week) {
    return !week.isAfter(currentWeek()) && clock.instant().isBefore(closesAt(week));
  }

  /** A week from user input: any date in it (normalized to its Monday), or null for the current one. */
  public LocalDate parseWeek(String field, String text) {
    if (text == null || text.isBlank()) return currentWeek();
    String t = text.trim();
    if (t.equals("current") || t.equals("this")) return currentWeek();
    if (t.equals("last") || t.equals("previous")) return currentWeek().minusWeeks(1);
    try {
      return week(LocalDate.parse(t));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + ": '" + t + "' is not a date (YYYY-MM-DD), 'current' or 'last'");
    }
  }
}
