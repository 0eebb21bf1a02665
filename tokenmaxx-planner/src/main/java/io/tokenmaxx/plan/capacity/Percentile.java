package io.tokenmaxx.plan.capacity;

/** Which busy-minute level to size for. */
public enum Percentile {
  P50,
  P95,
  PEAK
}
