package io.tokenmaxx.pipeline;

import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;

/**
 * One normalize/enrich step every record passes on its way to the store, whatever transport
 * brought it: attributing to a person, pricing. Steps return the record unchanged when they have
 * nothing to add.
 */
public interface Enricher {
  UsageRecord enrich(UsageRecord record);

  default OutcomeRecord enrich(OutcomeRecord record) {
    return record;
  }
}
