package io.tokenmaxx.collect.otlp;

import io.tokenmaxx.collect.otlp.OtlpBatch.Scope;
import io.tokenmaxx.collect.otlp.OtlpBatch.SeriesChange;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects what the mappers produce for one request, then freezes it into an {@link OtlpBatch}. */
final class BatchBuilder {
  private final Signal signal;
  private final ContentType contentType;
  private final int maxErrors;
  final List<UsageRecord> usage = new ArrayList<>();
  final List<OutcomeRecord> outcomes = new ArrayList<>();
  private final Set<Retraction> retractions = new LinkedHashSet<>();
  private final List<ObservedIdentity> identities = new ArrayList<>();
  private final Set<List<Object>> identitiesSeen = new java.util.HashSet<>();
  private final Set<Scope> markedInBatch = new java.util.HashSet<>();
  private final List<String> errors = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<SeriesChange> seriesChanges = new ArrayList<>();
  private final List<Scope> newlyMarked = new ArrayList<>();
  private final Set<Scope> metricScopes = new LinkedHashSet<>();
  private long errorCount;
  long accepted;
  long rejected;
  long ignored;
  long suppressed;

  BatchBuilder(Signal signal, ContentType contentType, int maxErrors) {
    this.signal = signal;
    this.contentType = contentType;
    this.maxErrors = maxErrors;
  }

  void reject(String message) {
    reject(1, message);
  }

  void reject(long items, String message) {
    rejected += items;
    errorCount++;
    if (errors.size() < maxErrors) errors.add(message);
  }

  /** An item kept with a value left out: said in the response, not counted as rejected. */
  void warn(String message) {
    if (warnings.size() < maxErrors) warnings.add(message);
  }

  void accept(long items) {
    accepted += items;
  }

  void ignore(long items) {
    accepted += items;
    ignored += items;
  }

  void suppress(long items) {
    accepted += items;
    suppressed += items;
  }

  void observe(List<RawIdentity> ids, Map<String, String> orgAttributes) {
    if (!ids.isEmpty() && identitiesSeen.add(List.of(ids, orgAttributes))) {
      identities.add(new ObservedIdentity(ids, orgAttributes));
    }
  }

  void retract(Retraction r) {
    retractions.add(r);
  }

  void seriesChanged(SeriesKey key, SeriesState before, SeriesState after) {
    seriesChanges.add(new SeriesChange(key, before, after));
  }

  /** True the first time a scope is asked about in this request (mark it in the index then). */
  boolean firstMarkInBatch(Scope scope) {
    return markedInBatch.add(scope);
  }

  void newlyMarked(Scope scope) {
    newlyMarked.add(scope);
  }

  List<Scope> newlyMarkedScopes() {
    return newlyMarked;
  }

  void metricScope(Scope scope) {
    metricScopes.add(scope);
  }

  OtlpBatch build() {
    OtlpBatch.Undo undo = seriesChanges.isEmpty() && newlyMarked.isEmpty()
        && metricScopes.isEmpty() ? OtlpBatch.Undo.NONE
        : new OtlpBatch.Undo(List.copyOf(seriesChanges), List.copyOf(newlyMarked),
            List.copyOf(metricScopes));
    return new OtlpBatch(signal, contentType, usage, outcomes, new ArrayList<>(retractions),
        identities, accepted, rejected, ignored, suppressed, errors, errorCount, warnings,
        undo);
  }
}
