package io.tokenmaxx.collect.otlp;

import java.time.Instant;

/**
 * Per-series state for turning cumulative metric points into deltas. The in-memory
 * {@link InMemorySeriesStateStore} is the default; a server that must not double count across its
 * own restarts backs this with its database, persisting per key exactly the fields of
 * {@link SeriesState} plus {@link #trackingSince()} once per store.
 *
 * <p>Implementations must be thread-safe; {@link #compareAndSet} must be atomic per key.
 */
public interface SeriesStateStore {

  /** The state of a series, or null when it has never been seen (or was evicted). */
  SeriesState get(SeriesKey key);

  /**
   * Replaces the state of {@code key} with {@code next} if it is still {@code expected} (null
   * meaning absent); {@code next} null removes it. Returns whether it was replaced.
   */
  boolean compareAndSet(SeriesKey key, SeriesState expected, SeriesState next);

  /**
   * Since when this store has seen every series it was sent: a cumulative series first seen with a
   * start time at or after this instant is counted from zero; one that started earlier (or has no
   * start time) only seeds its state, because part of its value may have been counted before.
   * Persisted stores return the time they were first created; eviction of idle series moves it
   * forward.
   */
  Instant trackingSince();
}
