package io.tokenmaxx.guard;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** Week arithmetic of the guard: Monday-start weeks, days and the pre-snapshot window, all local. */
public final class GuardWeeks {
  private GuardWeeks() {}

  /** The Monday of the week containing {@code t} in {@code zone}. */
  public static LocalDate weekOf(Instant t, ZoneId zone) {
    return mondayOf(LocalDate.ofInstant(t, zone));
  }

  public static LocalDate mondayOf(LocalDate d) {
    return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** The first instant of a local date. */
  public static Instant start(LocalDate d, ZoneId zone) {
    return d.atStartOfDay(zone).toInstant();
  }

  /**
   * True when a local time lies within {@code windowHours} before the next snapshot (the start of
   * the next {@code snapshotDay}), counted in local clock seconds so SQL computes the same.
   */
  public static boolean beforeSnapshot(LocalDateTime local, DayOfWeek snapshotDay, int windowHours) {
    int days = Math.floorMod(snapshotDay.getValue() - local.getDayOfWeek().getValue(), 7);
    if (days == 0) days = 7;
    long secondsUntil = days * 86_400L - local.toLocalTime().toSecondOfDay();
    return secondsUntil <= windowHours * 3600L;
  }

  /** Day indexes (0 = Monday) that overlap the window of {@code windowHours} before the snapshot. */
  public static java.util.Set<Integer> windowDays(DayOfWeek snapshotDay, int windowHours) {
    java.util.Set<Integer> out = new java.util.TreeSet<>();
    int days = (windowHours + 23) / 24;
    for (int k = 1; k <= days; k++) out.add(snapshotDay.minus(k).getValue() - 1);
    return out;
  }
}
