package io.tokenmaxx.analyze.store;

import java.util.List;

/**
 * Bucket edges and percentiles shared by every backend, so histograms agree exactly: bucket i
 * holds values {@code >= edges[i-1]} and {@code < edges[i]} (the first from minus infinity, the
 * last to plus infinity).
 */
public final class Histograms {
  private Histograms() {}

  /** p10, p25, p50, p75, p90, p99. */
  public static final List<Double> PERCENTILES = List.of(0.10, 0.25, 0.50, 0.75, 0.90, 0.99);

  /** Session length, minutes. */
  public static final double[] DURATION_MINUTES = {1, 5, 15, 30, 60, 120, 240};

  /** Tokens per session. */
  public static final double[] SESSION_TOKENS = {10_000, 50_000, 100_000, 500_000, 1_000_000, 5_000_000, 20_000_000};

  /** Requests per session. */
  public static final double[] SESSION_REQUESTS = {2, 5, 10, 25, 50, 100, 250};

  /** Annualized spend as a share of annual loaded cost. */
  public static final double[] LOADED_COST_SHARE = {0.01, 0.02, 0.05, 0.10, 0.25, 0.50, 1.00};

  /** Days from start date to first use. */
  public static final double[] DAYS_TO_FIRST_USE = {7, 14, 30, 60};

  /** The bucket of a value. */
  public static int bucket(double[] edges, double v) {
    int i = 0;
    while (i < edges.length && v >= edges[i]) i++;
    return i;
  }

  /**
   * The p-th percentile of sorted values, linearly interpolated between closest ranks (what
   * DuckDB's {@code quantile_cont} and PostgreSQL's {@code percentile_cont} compute).
   */
  public static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) return Double.NaN;
    double pos = p * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    if (lo == hi) return sorted[lo];
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }
}
