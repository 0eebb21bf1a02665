package io.tokenmaxx.pipeline;

import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;

/**
 * One normalize/enrich step every record passes on its way to the store, whatever transport
 * brought it: attributing to a person, pricing. Steps return the record unchanged when they have
 * nothing to add.
 */
public interface Enricher {
  /**
   * Called once per batch before its records are enriched one by one: a step that looks things up
   * can fetch what the whole batch needs at once here.
   */
  default void prepare(RecordBatch batch) {}

  UsageRecord enrich(UsageRecord record);

  default OutcomeRecord enrich(OutcomeRecord record) {
    return record;
  }
}
