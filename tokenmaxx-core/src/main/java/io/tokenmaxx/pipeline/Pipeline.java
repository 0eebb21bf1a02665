package io.tokenmaxx.pipeline;

import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.StorageComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one path from decoded records to the store: every {@link Enricher} in order, then the
 * storage consumers. Transports never call the store directly; they hand batches to an
 * {@link IngestQueue} whose sink is this pipeline (zipkin's {@code Collector} is the model).
 */
public final class Pipeline implements Consumer<RecordBatch> {
  private final List<Enricher> enrichers;
  private final StorageComponent storage;

  public Pipeline(List<Enricher> enrichers, StorageComponent storage) {
    this.enrichers = List.copyOf(enrichers);
    this.storage = storage;
  }

  @Override
  public void accept(RecordBatch batch) {
    RecordBatch enriched = enrich(batch);
    if (!enriched.usage().isEmpty()) storage.usageConsumer().accept(enriched.usage());
    if (!enriched.outcomes().isEmpty()) storage.outcomeConsumer().accept(enriched.outcomes());
  }

  /** Applies the enrichers only (used by reports over local logs, which have no store). */
  public RecordBatch enrich(RecordBatch batch) {
    if (enrichers.isEmpty()) return batch;
    for (Enricher e : enrichers) e.prepare(batch);
    List<UsageRecord> usage = new ArrayList<>(batch.usage().size());
    for (UsageRecord r : batch.usage()) {
      for (Enricher e : enrichers) r = e.enrich(r);
      usage.add(r);
    }
    List<OutcomeRecord> outcomes = new ArrayList<>(batch.outcomes().size());
    for (OutcomeRecord o : batch.outcomes()) {
      for (Enricher e : enrichers) o = e.enrich(o);
      outcomes.add(o);
    }
    return new RecordBatch(usage, outcomes);
  }
}
