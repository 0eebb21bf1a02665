package io.tokenmaxx.analyze;

import io.tokenmaxx.storage.Dimension;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** The textual time buckets every store must produce for {@link Dimension#isTime()} dimensions. */
public final class TimeBuckets {
  private TimeBuckets() {}

  public static String bucket(Dimension d, Instant t, ZoneId zone, DayOfWeek weekStart) {
    LocalDateTime local = LocalDateTime.ofInstant(t, zone);
    LocalDate day = local.toLocalDate();
    return switch (d) {
      case HOUR -> day + "T" + (local.getHour() < 10 ? "0" : "") + local.getHour();
      case DAY -> day.toString();
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(weekStart)).toString();
      case MONTH -> day.toString().substring(0, 7);
      default -> throw new IllegalArgumentException(d + " is not a time dimension");
    };
  }
}
