package io.tokenmaxx.collect.local;

import io.tokenmaxx.model.UsageRecord;
import java.util.List;

/** The records a scan produced, deduplicated and priced, in a stable order, and its statistics. */
public record ScanResult(List<UsageRecord> records, ScanStats stats) {
  public ScanResult {
    records = List.copyOf(records);
  }
}
