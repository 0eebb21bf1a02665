package io.tokenmaxx.checkin;

import java.time.Instant;
import java.time.LocalDate;

/** A check-in for a week that is closed (or has not started) cannot be submitted or changed. */
public final class WeekClosedException extends RuntimeException {
  private final LocalDate week;

  public WeekClosedException(LocalDate week, Instant closedAt, boolean future) {
    super(future ? "week " + week + " has not started yet"
        : "week " + week + " closed at " + closedAt + "; its check-ins can no longer be changed");
    this.week = week;
  }

  public LocalDate week() {
    return week;
  }
}
