package io.tokenmaxx.collect.otlp;

import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper with the semantics the real store must have: idempotent on record id (a second copy
 * replaces the first) and applying retractions as deletes. Totals are what a report would show.
 */
final class RecordingStore {
  final Map<String, UsageRecord> usage = new LinkedHashMap<>();
  final Map<String, OutcomeRecord> outcomes = new LinkedHashMap<>();
  final List<Retraction> retractions = new ArrayList<>();

  synchronized void store(OtlpBatch batch) {
    for (UsageRecord r : batch.usage()) usage.put(r.id(), r);
    for (OutcomeRecord r : batch.outcomes()) outcomes.put(r.id(), r);
    apply(batch.retractions());
  }

  synchronized void apply(Collection<Retraction> list) {
    for (Retraction r : list) {
      retractions.add(r);
      usage.values().removeIf(u -> u.id().startsWith(r.idPrefix()) && u.tool().equals(r.tool())
          && (r.sessionId() == null || r.sessionId().equals(u.sessionId()))
          && (r.project() == null || r.project().equals(u.project())));
    }
  }

  synchronized Totals totals() {
    return Totals.of(usage.values());
  }

  synchronized Totals totals(String tool) {
    return Totals.of(usage.values().stream().filter(u -> u.tool().equals(tool)).toList());
  }

  synchronized double outcome(OutcomeKind kind) {
    return outcomes.values().stream().filter(o -> o.kind() == kind)
        .mapToDouble(OutcomeRecord::value).sum();
  }

  /** Sums of every token field, requests and reported cost. */
  record Totals(long input, long output, long cacheRead, long cacheWrite, long reasoning,
      long requests, BigDecimal cost) {
    static Totals of(Collection<UsageRecord> records) {
      long i = 0, o = 0, cr = 0, cw = 0, re = 0, rq = 0;
      BigDecimal c = BigDecimal.ZERO;
      for (UsageRecord r : records) {
        i += r.inputTokens();
        o += r.outputTokens();
        cr += r.cacheReadTokens();
        cw += r.cacheWriteTokens();
        re += r.reasoningTokens();
        rq += r.requests();
        if (r.reportedCost() != null) c = c.add(r.reportedCost());
      }
      return new Totals(i, o, cr, cw, re, rq, c.stripTrailingZeros());
    }
  }
}
