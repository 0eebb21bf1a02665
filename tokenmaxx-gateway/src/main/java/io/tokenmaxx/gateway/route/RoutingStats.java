package io.tokenmaxx.gateway.route;

import java.time.Duration;

/**
 * Time-to-first-token statistics per target, for the lowest-latency strategy (the gateway's
 * routing-statistics SPI). Implementations are thread-safe.
 */
public interface RoutingStats {

  /** Records one answer's time to first token at {@code targetKey} ({@link Target#key()}). */
  void observe(String targetKey, Duration ttft);

  /** The moving average in milliseconds, or NaN when nothing was observed yet. */
  double ttftMillis(String targetKey);
}
