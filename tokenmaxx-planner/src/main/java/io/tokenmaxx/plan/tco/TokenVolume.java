package io.tokenmaxx.plan.tco;

import io.tokenmaxx.plan.Checks;

/**
 * Observed token volume per month and how it is spread in time.
 *
 * @param inputTokensPerMonth  prompt tokens per month (cache hits included)
 * @param outputTokensPerMonth generated tokens per month
 * @param cachedInputShare     share of prompt tokens that are cache hits (cheaper on the API, no prefill when self-hosted)
 * @param peakToAverage        busiest-minute rate over the monthly average rate (GPUs are sized for the peak)
 * @param monthlyGrowth        growth per month (0.05 = 5 %)
 */
public record TokenVolume(
    double inputTokensPerMonth,
    double outputTokensPerMonth,
    double cachedInputShare,
    double peakToAverage,
    double monthlyGrowth) {

  public TokenVolume {
    Checks.nonNegative(inputTokensPerMonth, "input tokens per month");
    Checks.nonNegative(outputTokensPerMonth, "output tokens per month");
    if (inputTokensPerMonth + outputTokensPerMonth <= 0) {
      throw new IllegalArgumentException("token volume per month must be > 0");
    }
    Checks.fraction(cachedInputShare, "cached input share");
    if (!(peakToAverage >= 1) || Double.isInfinite(peakToAverage)) {
      throw new IllegalArgumentException("peak-to-average ratio must be >= 1, was " + peakToAverage);
    }
    if (!(monthlyGrowth > -1) || Double.isInfinite(monthlyGrowth)) {
      throw new IllegalArgumentException("monthly growth must be > -1, was " + monthlyGrowth);
    }
  }

  public double totalTokensPerMonth() {
    return inputTokensPerMonth + outputTokensPerMonth;
  }

  /** Share of all tokens that are output. */
  public double outputShare() {
    return outputTokensPerMonth / totalTokensPerMonth();
  }

  public TokenVolume withPeakToAverage(double v) {
    return new TokenVolume(inputTokensPerMonth, outputTokensPerMonth, cachedInputShare, v, monthlyGrowth);
  }
}
