package io.tokenmaxx.analyze.store;

import java.util.List;

/**
 * Distributions over the sessions that started in a scope: duration (minutes), tokens and
 * requests per session. Percentiles at {@link Histograms#PERCENTILES}, linearly interpolated;
 * histogram counts per {@link Histograms} edges.
 */
public record SessionShapeStats(long sessions, Stats durationMinutes, Stats tokens, Stats requests) {

  /** Count, mean, percentiles and histogram counts of one measure. */
  public record Stats(long count, double mean, List<Double> percentiles, List<Long> histogram) {}
}
