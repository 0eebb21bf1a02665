package io.tokenmaxx.collect.local;

import io.tokenmaxx.model.UsageRecord;
import java.util.List;

/**
 * What a scan found: the deduplicated, priced usage as a {@link UsageTable} (for aggregation) and
 * as {@link UsageRecord}s (materialized on access), in a stable order, and the scan's statistics.
 */
public record ScanResult(UsageTable table, ScanStats stats) {
  /** The usage as records; each is built when read. */
  public List<UsageRecord> records() {
    return table.records();
  }
}
