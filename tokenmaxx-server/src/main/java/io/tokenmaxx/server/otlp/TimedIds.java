package io.tokenmaxx.server.otlp;

import io.tokenmaxx.storage.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The instant from which this store gives OTLP log events time-led ids
 * ({@code RecordIds.logUsageId}): the first start of a version that does, kept in the store so it
 * never moves. Events before it keep the ids earlier versions gave them, so an export stored
 * before the upgrade and re-sent after it is still stored once.
 */
public final class TimedIds {
  static final String NAMESPACE = "otlp.ids";
  static final String KEY = "timed-since";

  private TimedIds() {}

  /** The stored instant; on the first start, now (to the second), stored. */
  public static Instant since(StateStore store, Clock clock) {
    String v = store.load(NAMESPACE).get(KEY);
    if (v != null) {
      try {
        return Instant.parse(v);
      } catch (DateTimeParseException e) {
        throw new IllegalStateException("collector state " + NAMESPACE + "/" + KEY + " is not an instant: '" + v + "'", e);
      }
    }
    Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
    store.put(NAMESPACE, Map.of(KEY, now.toString()));
    return now;
  }
}
