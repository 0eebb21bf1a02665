package io.tokenmaxx.plan.capacity;

import io.tokenmaxx.plan.Checks;

/** A length distribution in tokens: the mean sizes throughput, the 95th percentile checks context and KV room. */
public record Lengths(double mean, double p95) {

  public Lengths {
    Checks.positive(mean, "mean length");
    Checks.positive(p95, "p95 length");
    if (p95 < mean) throw new IllegalArgumentException("p95 length (" + p95 + ") is below the mean (" + mean + ")");
  }

  public static Lengths fixed(double v) {
    return new Lengths(v, v);
  }
}
