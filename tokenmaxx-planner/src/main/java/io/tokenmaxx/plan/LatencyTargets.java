package io.tokenmaxx.plan;

/**
 * Latency a deployment must keep: time to first token and inter-token latency. A target caps the
 * batch: bigger batches give more tokens/s per GPU but slower steps.
 *
 * @param ttftSeconds most time to the first token, or {@code +Infinity} for no target
 * @param itlSeconds  most time between tokens, or {@code +Infinity} for no target
 */
public record LatencyTargets(double ttftSeconds, double itlSeconds) {

  public static final LatencyTargets NONE = new LatencyTargets(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);

  public LatencyTargets {
    if (!(ttftSeconds > 0)) throw new IllegalArgumentException("TTFT target must be > 0, was " + ttftSeconds);
    if (!(itlSeconds > 0)) throw new IllegalArgumentException("ITL target must be > 0, was " + itlSeconds);
  }

  /** Targets in milliseconds; {@code null} or 0 means none. */
  public static LatencyTargets ofMillis(Double ttftMs, Double itlMs) {
    return new LatencyTargets(ttftMs == null || ttftMs == 0 ? Double.POSITIVE_INFINITY : ttftMs / 1000,
        itlMs == null || itlMs == 0 ? Double.POSITIVE_INFINITY : itlMs / 1000);
  }

  public boolean any() {
    return ttftSeconds != Double.POSITIVE_INFINITY || itlSeconds != Double.POSITIVE_INFINITY;
  }
}
