package io.tokenmaxx.collect.otlp;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SessionSignalIndex} in a map; scopes not marked again for {@code maxIdle} (default 7
 * days, far longer than an agent session) are forgotten.
 */
public final class InMemorySessionSignalIndex implements SessionSignalIndex {
  private static final long SWEEP_EVERY_MILLIS = Duration.ofMinutes(1).toMillis();

  private final ConcurrentHashMap<String, Long> markedAt = new ConcurrentHashMap<>();
  private final Clock clock;
  private final long maxIdleMillis;
  private volatile long lastSweepMillis;

  public InMemorySessionSignalIndex(Clock clock) {
    this(clock, Duration.ofDays(7));
  }

  public InMemorySessionSignalIndex(Clock clock, Duration maxIdle) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxIdle.isNegative() || maxIdle.isZero()) {
      throw new IllegalArgumentException("maxIdle must be positive, was " + maxIdle);
    }
    this.maxIdleMillis = maxIdle.toMillis();
    this.lastSweepMillis = clock.millis();
  }

  @Override
  public boolean markLogged(String tool, String scope) {
    long now = clock.millis();
    sweepIfDue(now);
    return markedAt.put(key(tool, scope), now) == null;
  }

  @Override
  public boolean isLogged(String tool, String scope) {
    return markedAt.containsKey(key(tool, scope));
  }

  @Override
  public void unmark(String tool, String scope) {
    markedAt.remove(key(tool, scope));
  }

  /** Number of scopes marked. */
  public int size() {
    return markedAt.size();
  }

  private static String key(String tool, String scope) {
    return tool + '\u0000' + scope;
  }

  private void sweepIfDue(long now) {
    if (now - lastSweepMillis < SWEEP_EVERY_MILLIS) return;
    lastSweepMillis = now;
    long cutoff = now - maxIdleMillis;
    markedAt.values().removeIf(t -> t < cutoff);
  }
}
