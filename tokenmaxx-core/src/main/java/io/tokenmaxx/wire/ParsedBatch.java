package io.tokenmaxx.wire;

import io.tokenmaxx.pipeline.RecordBatch;
import java.util.List;

/**
 * A decoded ingest body: the valid records (kept, even when other items were bad), the refused
 * items with their reasons, and warnings that did not refuse anything (unknown fields).
 */
public record ParsedBatch(RecordBatch records, List<ItemError> errors, List<String> warnings) {
  public int items() {
    return records.size() + errors.size();
  }
}
