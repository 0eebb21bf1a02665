package io.tokenmaxx.analyze;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Organization-wide analytics settings (server config keys in parentheses).
 *
 * @param zone              the organization's time zone: default for every query ({@code analytics.zone})
 * @param weekStart         first day of a week ({@code analytics.week-start}, default Monday)
 * @param minGroupSize      k for viewers built by the server ({@code privacy.min-group-size}, default 5)
 * @param breadthThreshold  share of a group's headcount active in 28 days for the group to count as
 *                          adopting ({@code analytics.breadth-threshold}, default 0.5)
 * @param depth             weekly depth cohorts ({@code analytics.depth.moderate-from}, {@code .heavy-from})
 * @param spendBenchmark    AI spend as a share of annual loaded cost that is "expected" per person
 *                          ({@code analytics.spend-benchmark}, default 0.5 = 50 %)
 */
public record AnalyticsSettings(
    ZoneId zone,
    DayOfWeek weekStart,
    int minGroupSize,
    double breadthThreshold,
    DepthThresholds depth,
    double spendBenchmark) {

  public AnalyticsSettings {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(weekStart, "weekStart");
    Objects.requireNonNull(depth, "depth");
    if (minGroupSize < 1) throw new IllegalArgumentException("privacy.min-group-size must be >= 1, was " + minGroupSize);
    if (!(breadthThreshold > 0 && breadthThreshold <= 1)) {
      throw new IllegalArgumentException("analytics.breadth-threshold must be within (0, 1], was " + breadthThreshold);
    }
    if (!(spendBenchmark > 0 && spendBenchmark <= 100)) {
      throw new IllegalArgumentException("analytics.spend-benchmark must be a share > 0 (0.5 = 50 %), was " + spendBenchmark);
    }
  }

  public static AnalyticsSettings defaults(ZoneId zone) {
    return new AnalyticsSettings(zone, DayOfWeek.MONDAY, Viewer.DEFAULT_MIN_GROUP_SIZE, 0.5,
        DepthThresholds.DEFAULT, 0.5);
  }

  public AnalyticsSettings withMinGroupSize(int k) {
    return new AnalyticsSettings(zone, weekStart, k, breadthThreshold, depth, spendBenchmark);
  }
}
