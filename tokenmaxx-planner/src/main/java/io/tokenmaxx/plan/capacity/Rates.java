package io.tokenmaxx.plan.capacity;

import io.tokenmaxx.plan.Checks;

/**
 * A rate observed over busy minutes at three levels: the median minute, the 95th-percentile
 * minute and the busiest minute.
 */
public record Rates(double p50, double p95, double peak) {

  public static final Rates ZERO = new Rates(0, 0, 0);

  public Rates {
    Checks.nonNegative(p50, "p50");
    Checks.nonNegative(p95, "p95");
    Checks.nonNegative(peak, "peak");
    if (p95 < p50 || peak < p95) {
      throw new IllegalArgumentException("rates must satisfy p50 <= p95 <= peak, were " + p50 + ", " + p95 + ", " + peak);
    }
  }

  /** The same rate at every level. */
  public static Rates flat(double v) {
    return new Rates(v, v, v);
  }

  public double at(Percentile p) {
    return switch (p) {
      case P50 -> p50;
      case P95 -> p95;
      case PEAK -> peak;
    };
  }

  public Rates times(double f) {
    return new Rates(p50 * f, p95 * f, peak * f);
  }
}
