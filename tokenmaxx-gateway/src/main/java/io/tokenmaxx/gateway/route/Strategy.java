package io.tokenmaxx.gateway.route;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a route orders its targets. Every strategy falls back to the next target when one fails
 * before the answer's first byte reached the client (connection error, timeout, 429, 5xx).
 */
public enum Strategy {
  /** In the configured order. */
  FALLBACK,
  /** The lowest estimated cost for this request first. */
  CHEAPEST,
  /** The lowest moving average of time to first token first; unmeasured targets are tried first. */
  LOWEST_LATENCY,
  /** A random first target drawn by weight, the others after it by weight. */
  WEIGHTED,
  /**
   * Cheap first: the targets in order from the cheapest; an answer that trips an escalation rule
   * is replaced by the next target's.
   */
  CASCADE;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Strategy parse(String s) {
    for (Strategy x : values()) if (x.label().equals(s.trim().toLowerCase(Locale.ROOT))) return x;
    throw new IllegalArgumentException("unknown strategy '" + s + "', expected one of "
        + Arrays.stream(values()).map(Strategy::label).toList());
  }
}
