package io.tokenmaxx.pipeline;

import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import java.util.List;

/** Records that travel together from one transport call to the store. */
public record RecordBatch(List<UsageRecord> usage, List<OutcomeRecord> outcomes) {

  public RecordBatch {
    usage = usage == null ? List.of() : usage;
    outcomes = outcomes == null ? List.of() : outcomes;
  }

  public static RecordBatch ofUsage(List<UsageRecord> usage) {
    return new RecordBatch(usage, List.of());
  }

  public int size() {
    return usage.size() + outcomes.size();
  }

  public boolean isEmpty() {
    return usage.isEmpty() && outcomes.isEmpty();
  }
}
