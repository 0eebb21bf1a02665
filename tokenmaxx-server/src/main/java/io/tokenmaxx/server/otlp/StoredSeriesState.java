package io.tokenmaxx.server.otlp;

import io.tokenmaxx.collect.otlp.SeriesKey;
import io.tokenmaxx.collect.otlp.SeriesState;
import io.tokenmaxx.collect.otlp.SeriesStateStore;
import io.tokenmaxx.storage.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OTLP decoder's cumulative-series state, kept in memory for speed and written to the store's
 * {@link StateStore} by {@link #flush()} — which the OTLP service calls after a batch's records
 * are committed and before it acknowledges the export. So a restarted server continues every
 * series where the acknowledged exports left it: a cumulative counter is neither counted twice
 * nor lost. Series idle for a day are evicted (as the in-memory store does), moving
 * {@link #trackingSince()} forward so an evicted series that comes back is seeded, not recounted.
 */
public final class StoredSeriesState implements SeriesStateStore {
  static final String NAMESPACE = "otlp.series";
  static final String META = "otlp.series.meta";
  private static final long SWEEP_EVERY_MILLIS = Duration.ofMinutes(1).toMillis();

  private final StateStore store;
  private final Clock clock;
  private final long maxIdleMillis;
  private final ConcurrentHashMap<SeriesKey, SeriesState> states = new ConcurrentHashMap<>();
  private final Set<SeriesKey> dirty = ConcurrentHashMap.newKeySet();
  private volatile Instant trackingSince;
  private volatile boolean trackingDirty;
  private volatile long lastSweepMillis;

  private StoredSeriesState(StateStore store, Clock clock, Duration maxIdle) {
    this.store = store;
    this.clock = clock;
    this.maxIdleMillis = maxIdle.toMillis();
    this.lastSweepMillis = clock.millis();
  }

  /** Loads what the store holds (or starts tracking now, on a first start). */
  public static StoredSeriesState load(StateStore store, Clock clock) {
    StoredSeriesState s = new StoredSeriesState(Objects.requireNonNull(store), clock, Duration.ofDays(1));
    String since = store.load(META).get("trackingSince");
    if (since == null) {
      s.trackingSince = clock.instant();
      s.trackingDirty = true;
    } else {
      s.trackingSince = Instant.parse(since);
    }
    store.load(NAMESPACE).forEach((k, v) -> s.states.put(SeriesKey.fromHex(k), decode(v)));
    s.flush();
    return s;
  }

  @Override
  public SeriesState get(SeriesKey key) {
    return states.get(key);
  }

  @Override
  public boolean compareAndSet(SeriesKey key, SeriesState expected, SeriesState next) {
    sweepIfDue();
    boolean done;
    if (expected == null) {
      done = next == null ? !states.containsKey(key) : states.putIfAbsent(key, next) == null;
    } else {
      done = next == null ? states.remove(key, expected) : states.replace(key, expected, next);
    }
    if (done) dirty.add(key);
    return done;
  }

  @Override
  public Instant trackingSince() {
    return trackingSince;
  }

  public int size() {
    return states.size();
  }

  /** Writes every change since the last flush. */
  public synchronized void flush() {
    if (trackingDirty) {
      store.put(META, Map.of("trackingSince", trackingSince.toString()));
      trackingDirty = false;
    }
    if (dirty.isEmpty()) return;
    List<SeriesKey> keys = new ArrayList<>(dirty);
    Map<String, String> put = new HashMap<>();
    List<String> removed = new ArrayList<>();
    for (SeriesKey k : keys) {
      dirty.remove(k);
      SeriesState s = states.get(k);
      if (s == null) removed.add(k.toHex());
      else put.put(k.toHex(), encode(s));
    }
    try {
      store.put(NAMESPACE, put);
      store.remove(NAMESPACE, removed);
    } catch (RuntimeException e) {
      dirty.addAll(keys); // try again with the next flush
      throw e;
    }
  }

  private void sweepIfDue() {
    long now = clock.millis();
    if (now - lastSweepMillis < SWEEP_EVERY_MILLIS) return;
    lastSweepMillis = now;
    long cutoff = now - maxIdleMillis;
    boolean evicted = false;
    for (Map.Entry<SeriesKey, SeriesState> e : states.entrySet()) {
      if (e.getValue().touchedAtMillis() < cutoff && states.remove(e.getKey(), e.getValue())) {
        dirty.add(e.getKey());
        evicted = true;
      }
    }
    Instant horizon = Instant.ofEpochMilli(cutoff);
    if (evicted && horizon.isAfter(trackingSince)) {
      trackingSince = horizon;
      trackingDirty = true;
    }
  }

  static String encode(SeriesState s) {
    return s.prevTimeUnixNano() + "," + Double.toString(s.prevValue()) + "," + s.prevCount() + ","
        + s.lastTimeUnixNano() + "," + Double.toString(s.lastValue()) + "," + s.lastCount() + ","
        + s.touchedAtMillis();
  }

  static SeriesState decode(String v) {
    String[] f = v.split(",");
    if (f.length != 7) throw new IllegalArgumentException("bad stored series state: " + v);
    return new SeriesState(Long.parseLong(f[0]), Double.parseDouble(f[1]), Long.parseLong(f[2]),
        Long.parseLong(f[3]), Double.parseDouble(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]));
  }
}
