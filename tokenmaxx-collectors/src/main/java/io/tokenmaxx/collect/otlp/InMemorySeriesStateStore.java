package io.tokenmaxx.collect.otlp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SeriesStateStore} in a map. Series not updated for {@code maxIdle} are evicted (a live
 * cumulative series is re-exported every interval, so only dead ones go), and
 * {@link #trackingSince()} moves forward accordingly so an evicted series that comes back is
 * seeded, not counted again.
 */
public final class InMemorySeriesStateStore implements SeriesStateStore {
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  private final ConcurrentHashMap<SeriesKey, SeriesState> states = new ConcurrentHashMap<>();
  private final Clock clock;
  private final long maxIdleMillis;
  private volatile Instant trackingSince;
  private volatile long lastSweepMillis;

  /** A store that tracks from now and evicts series idle for a day. */
  public InMemorySeriesStateStore(Clock clock) {
    this(clock, Duration.ofDays(1));
  }

  public InMemorySeriesStateStore(Clock clock, Duration maxIdle) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxIdle.isNegative() || maxIdle.isZero()) {
      throw new IllegalArgumentException("maxIdle must be positive, was " + maxIdle);
    }
    this.maxIdleMillis = maxIdle.toMillis();
    this.trackingSince = clock.instant();
    this.lastSweepMillis = clock.millis();
  }

  @Override
  public SeriesState get(SeriesKey key) {
    return states.get(key);
  }

  @Override
  public boolean compareAndSet(SeriesKey key, SeriesState expected, SeriesState next) {
    sweepIfDue();
    if (expected == null) {
      return next == null ? !states.containsKey(key) : states.putIfAbsent(key, next) == null;
    }
    return next == null ? states.remove(key, expected) : states.replace(key, expected, next);
  }

  @Override
  public Instant trackingSince() {
    return trackingSince;
  }

  /** Number of series held. */
  public int size() {
    return states.size();
  }

  private void sweepIfDue() {
    long now = clock.millis();
    if (now - lastSweepMillis < SWEEP_EVERY.toMillis()) return;
    lastSweepMillis = now;
    long cutoff = now - maxIdleMillis;
    boolean evicted = states.values().removeIf(s -> s.touchedAtMillis() < cutoff);
    Instant horizon = Instant.ofEpochMilli(cutoff);
    if (evicted && horizon.isAfter(trackingSince)) trackingSince = horizon;
  }
}
