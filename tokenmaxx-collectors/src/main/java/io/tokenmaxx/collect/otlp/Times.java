package io.tokenmaxx.collect.otlp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Timestamps from OTLP: nanoseconds since the epoch, or ISO-8601 text in event attributes. */
final class Times {
  /** Nothing before this is a real AI usage event. */
  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  /** Clocks drift; a day ahead is not plausible. */
  private static final Duration MAX_AHEAD = Duration.ofDays(1);

  private Times() {}

  /** A plausible instant from epoch nanoseconds, or {@link Rejected} naming the field. */
  static Instant fromNanos(long nanos, String field, Clock clock) {
    if (nanos == 0) throw new Rejected(field + " is not set");
    if (nanos < 0) throw new Rejected(field + " is out of range (after the year 2262)");
    return check(Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L), field,
        clock);
  }

  static Instant check(Instant t, String field, Clock clock) {
    if (t.isBefore(EARLIEST) || t.isAfter(clock.instant().plus(MAX_AHEAD))) {
      throw new Rejected(field + " " + t + " is out of range (before " + EARLIEST
          + " or more than a day ahead)");
    }
    return t;
  }

  /** ISO-8601 text ({@code 2025-01-02T03:04:05.678Z}, any offset), or null when unparseable. */
  static Instant parseIso(String text) {
    if (text == null) return null;
    try {
      return OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text.trim());
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
