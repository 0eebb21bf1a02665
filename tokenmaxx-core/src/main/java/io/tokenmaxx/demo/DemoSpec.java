package io.tokenmaxx.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What to generate.
 *
 * @param seed        everything is a function of the seed
 * @param people      headcount
 * @param weeks       weeks of history ending on {@code endDate} (inclusive)
 * @param endDate     last generated day
 * @param zone        the organization's main time zone
 * @param intensity   multiplies request volume (1 = realistic; raise it for load tests)
 * @param burnerShare fraction of people who are token burners (0 for none)
 * @param snapshotDay the weekday the leaderboard is snapshotted (spike burners burst the day before)
 */
public record DemoSpec(long seed, int people, int weeks, LocalDate endDate, ZoneId zone,
    double intensity, double burnerShare, DayOfWeek snapshotDay) {

  public DemoSpec {
    Objects.requireNonNull(endDate, "endDate");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(snapshotDay, "snapshotDay");
    if (people < 1) throw new IllegalArgumentException("people must be >= 1, was " + people);
    if (weeks < 1) throw new IllegalArgumentException("weeks must be >= 1, was " + weeks);
    if (!(intensity > 0)) throw new IllegalArgumentException("intensity must be > 0, was " + intensity);
    if (burnerShare < 0 || burnerShare > 0.5) {
      throw new IllegalArgumentException("burnerShare must be within 0..0.5, was " + burnerShare);
    }
  }

  public static DemoSpec of(long seed, int people, int weeks, LocalDate endDate) {
    return new DemoSpec(seed, people, weeks, endDate, ZoneId.of("America/New_York"), 1.0, 0.03,
        DayOfWeek.FRIDAY);
  }

  public LocalDate startDate() {
    return endDate.minusWeeks(weeks).plusDays(1);
  }
}
