package io.tokenmaxx.gateway.route;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exponentially weighted moving averages in memory: each observation moves the average by
 * {@code alpha} of its difference (0.2: the last ten or so answers dominate).
 */
public final class MovingAverageStats implements RoutingStats {
  private final double alpha;
  private final Map<String, double[]> averages = new ConcurrentHashMap<>();

  public MovingAverageStats(double alpha) {
    if (!(alpha > 0 && alpha <= 1)) throw new IllegalArgumentException("alpha must be in (0, 1]");
    this.alpha = alpha;
  }

  @Override
  public void observe(String targetKey, Duration ttft) {
    double ms = ttft.toNanos() / 1e6;
    averages.compute(targetKey, (k, v) -> {
      if (v == null) return new double[] {ms};
      v[0] = v[0] + alpha * (ms - v[0]);
      return v;
    });
  }

  @Override
  public double ttftMillis(String targetKey) {
    double[] v = averages.get(targetKey);
    return v == null ? Double.NaN : v[0];
  }
}
