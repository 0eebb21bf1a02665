package io.tokenmaxx.server.otlp;

import io.tokenmaxx.collect.otlp.SessionSignalIndex;
import io.tokenmaxx.storage.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which agent sessions send per-request events (so their metric-derived tokens do not count),
 * kept in memory and written through to the store when a session is first marked — rare, once per
 * session. Losing it is safe (the decoder would retract the metric records again), so writes are
 * best effort. Sessions not marked for a week are forgotten.
 */
public final class StoredSessionIndex implements SessionSignalIndex {
  static final String NAMESPACE = "otlp.sessions";
  private static final long SWEEP_EVERY_MILLIS = Duration.ofMinutes(10).toMillis();

  private final StateStore store;
  private final Clock clock;
  private final long maxIdleMillis = Duration.ofDays(7).toMillis();
  private final ConcurrentHashMap<String, Long> markedAt = new ConcurrentHashMap<>();
  private volatile long lastSweepMillis;

  private StoredSessionIndex(StateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.lastSweepMillis = clock.millis();
  }

  public static StoredSessionIndex load(StateStore store, Clock clock) {
    StoredSessionIndex s = new StoredSessionIndex(store, clock);
    store.load(NAMESPACE).forEach((k, v) -> s.markedAt.put(k, Long.parseLong(v)));
    return s;
  }

  @Override
  public boolean markLogged(String tool, String scope) {
    long now = clock.millis();
    sweepIfDue(now);
    String key = key(tool, scope);
    boolean first = markedAt.put(key, now) == null;
    if (first) {
      try {
        store.put(NAMESPACE, Map.of(key, Long.toString(now)));
      } catch (RuntimeException e) {
        System.getLogger(StoredSessionIndex.class.getName()).log(System.Logger.Level.WARNING,
            "could not save OTLP session index entry (kept in memory): " + e.getMessage());
      }
    }
    return first;
  }

  @Override
  public boolean isLogged(String tool, String scope) {
    return markedAt.containsKey(key(tool, scope));
  }

  @Override
  public void unmark(String tool, String scope) {
    String key = key(tool, scope);
    if (markedAt.remove(key) != null) {
      try {
        store.remove(NAMESPACE, List.of(key));
      } catch (RuntimeException ignored) {
        // best effort: a stale entry only makes a later retraction redundant
      }
    }
  }

  private static String key(String tool, String scope) {
    return tool + " " + scope;
  }

  private void sweepIfDue(long now) {
    if (now - lastSweepMillis < SWEEP_EVERY_MILLIS) return;
    lastSweepMillis = now;
    long cutoff = now - maxIdleMillis;
    List<String> old = markedAt.entrySet().stream().filter(e -> e.getValue() < cutoff)
        .map(Map.Entry::getKey).toList();
    old.forEach(markedAt::remove);
    try {
      store.remove(NAMESPACE, old);
    } catch (RuntimeException ignored) {
      // best effort
    }
  }
}
