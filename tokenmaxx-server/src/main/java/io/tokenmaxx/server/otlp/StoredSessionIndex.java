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
 * kept in memory and written to the store when a session is first marked: the sessions first seen
 * in one export are written together by {@link #flush()} (one write per export, not one per new
 * session: an export from a gateway can start dozens of sessions, and each write is a transaction
 * beside the ingest writer's). Losing it is safe (the decoder would retract the metric records
 * again), so writes are best effort. Sessions not marked for a week are forgotten.
 */
public final class StoredSessionIndex implements SessionSignalIndex {
  static final String NAMESPACE = "otlp.sessions";
  private static final long SWEEP_EVERY_MILLIS = Duration.ofMinutes(10).toMillis();

  private final StateStore store;
  private final Clock clock;
  private final long maxIdleMillis = Duration.ofDays(7).toMillis();
  private final ConcurrentHashMap<String, Long> markedAt = new ConcurrentHashMap<>();
  /** First marks not written yet. */
  private final ConcurrentHashMap<String, String> pending = new ConcurrentHashMap<>();
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
    if (first) pending.put(key, Long.toString(now));
    return first;
  }

  /** Writes the sessions first marked since the last flush, in one write. */
  public void flush() {
    if (pending.isEmpty()) return;
    Map<String, String> batch = new java.util.HashMap<>();
    for (String key : List.copyOf(pending.keySet())) {
      String at = pending.remove(key);
      if (at != null) batch.put(key, at);
    }
    if (batch.isEmpty()) return;
    try {
      store.put(NAMESPACE, batch);
    } catch (RuntimeException e) {
      System.getLogger(StoredSessionIndex.class.getName()).log(System.Logger.Level.WARNING,
          "could not save " + batch.size() + " OTLP session index entries (kept in memory): " + e.getMessage());
    }
  }

  @Override
  public boolean isLogged(String tool, String scope) {
    return markedAt.containsKey(key(tool, scope));
  }

  @Override
  public void unmark(String tool, String scope) {
    String key = key(tool, scope);
    pending.remove(key);
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
