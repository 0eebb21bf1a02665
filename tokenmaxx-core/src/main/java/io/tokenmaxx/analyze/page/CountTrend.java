package io.tokenmaxx.analyze.page;

/**
 * A count in the period and in the period before.
 *
 * @param change relative change {@code (current - previous) / previous}; null when previous is 0 or suppressed
 */
public record CountTrend(Long current, Long previous, Double change) {

  public static CountTrend of(long current, long previous) {
    return new CountTrend(current, previous, previous == 0 ? null : (current - previous) / (double) previous);
  }

  public static final CountTrend SUPPRESSED = new CountTrend(null, null, null);
}
