package io.tokenmaxx.collect.otlp;

import java.time.Clock;
import java.time.Instant;

/**
 * Turns cumulative points into deltas against the last point of the same series.
 * <ul>
 *   <li>A series never seen counts from zero when it started after the store began tracking
 *       ({@link SeriesStateStore#trackingSince()}); otherwise (or without a start time) its first
 *       point only seeds the state, since part of it may have been counted already.</li>
 *   <li>A later point adds its increase. A lower value (or count) is a counter reset: the new
 *       value is the delta. A restarted exporter has a new start time, hence a new series.</li>
 *   <li>The same point again (a retried export) yields the same delta again, so the record it
 *       makes has the same id and content; an older point yields nothing.</li>
 * </ul>
 */
final class Deltas {
  private static final int MAX_ATTEMPTS = 32;

  private final SeriesStateStore store;
  private final Clock clock;

  Deltas(SeriesStateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The delta of a cumulative point, or null when it adds nothing (seeding, stale). */
  Delta cumulative(SeriesKey key, long startNanos, long timeNanos, double value, long count,
      BatchBuilder out) {
    long since = nanos(store.trackingSince());
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      SeriesState s = store.get(key);
      long now = clock.millis();
      SeriesState next;
      Delta delta;
      if (s == null) {
        boolean fresh = startNanos > 0 && startNanos >= since;
        if (fresh) {
          next = new SeriesState(startNanos, 0, 0, timeNanos, value, count, now);
          delta = new Delta(value, 0, count);
        } else {
          next = new SeriesState(timeNanos, value, count, timeNanos, value, count, now);
          delta = null;
        }
      } else if (timeNanos > s.lastTimeUnixNano()) {
        if (value < s.lastValue() || count < s.lastCount()) {
          next = new SeriesState(s.lastTimeUnixNano(), 0, 0, timeNanos, value, count, now);
          delta = new Delta(value, 0, count);
        } else {
          next = new SeriesState(s.lastTimeUnixNano(), s.lastValue(), s.lastCount(), timeNanos,
              value, count, now);
          delta = new Delta(value, s.lastValue(), count - s.lastCount());
        }
      } else if (timeNanos == s.lastTimeUnixNano()) {
        if (value == s.lastValue() && count == s.lastCount()) {
          return new Delta(value, s.prevValue(), count - s.prevCount());
        }
        throw new Rejected("cumulative point at the same time as the last one seen but with a"
            + " different value (" + s.lastValue() + " then " + value + ")");
      } else {
        return null;
      }
      if (store.compareAndSet(key, s, next)) {
        out.seriesChanged(key, s, next);
        return delta;
      }
    }
    throw new Rejected("cumulative series was updated concurrently " + MAX_ATTEMPTS
        + " times; retry");
  }

  static long nanos(Instant t) {
    try {
      return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    } catch (ArithmeticException e) {
      return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
