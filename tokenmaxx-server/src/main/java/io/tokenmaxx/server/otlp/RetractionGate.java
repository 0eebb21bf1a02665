package io.tokenmaxx.server.otlp;

import io.tokenmaxx.collect.otlp.RecordIds;
import io.tokenmaxx.collect.otlp.Retraction;
import io.tokenmaxx.storage.UsageRetractions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets through only the log-side retractions that can delete something. When an agent session's
 * first per-request event arrives, its metric-derived records are retracted; but most sessions
 * never had any (their agent sends events only, or its metrics go elsewhere), and a retraction
 * pauses ingest while it searches recent usage. So this remembers which scopes this process has
 * stored metric-derived records for (noted before they are stored), and at start looks once
 * whether the store holds any from before; a scope in neither cannot have any.
 *
 * <p>Why no record is missed: a metric batch notes its scopes before it is stored and checks, after
 * it is stored, whether its sessions were marked as logged meanwhile (then it retracts itself,
 * {@code OtlpDecoder.commit}); a log batch marks its sessions before it is stored and asks here
 * after. Whichever comes second sees what the first did.
 */
final class RetractionGate {
  private static final long SWEEP_EVERY_MILLIS = Duration.ofMinutes(10).toMillis();

  private final UsageRetractions retractions;
  private final Clock clock;
  private final Duration window;
  /** Scopes with metric-derived records stored by this process, and when last noted. */
  private final ConcurrentHashMap<Retraction, Long> noted = new ConcurrentHashMap<>();
  /** Whether the store held metric-derived records, within the window, when this process began. */
  private final boolean olderMayExist;
  private volatile long lastSweepMillis;

  RetractionGate(UsageRetractions retractions, Clock clock, Duration window) {
    this.retractions = retractions;
    this.clock = clock;
    this.window = window;
    Instant now = clock.instant();
    this.olderMayExist = retractions.exists(null, RecordIds.METRIC_USAGE_PREFIX, null, null,
        now.minus(window));
    this.lastSweepMillis = now.toEpochMilli();
  }

  /** Call before a batch's metric-derived records are stored, with its metric scopes. */
  void metricsStoring(Iterable<Retraction> scopes) {
    long now = clock.millis();
    for (Retraction scope : scopes) noted.put(scope, now);
    sweepIfDue(now);
  }

  /** Whether {@code r} (a log-side retraction) may find records stored at or after {@code since}. */
  boolean worthRetracting(Retraction r, Instant since) {
    if (noted.containsKey(r)) return true;
    return olderMayExist
        && retractions.exists(r.tool(), r.idPrefix(), r.sessionId(), r.project(), since);
  }

  /** Scopes not noted for longer than the window can only have records the window excludes. */
  private void sweepIfDue(long now) {
    if (now - lastSweepMillis < SWEEP_EVERY_MILLIS) return;
    lastSweepMillis = now;
    long cutoff = now - window.toMillis();
    noted.values().removeIf(t -> t < cutoff);
  }
}
