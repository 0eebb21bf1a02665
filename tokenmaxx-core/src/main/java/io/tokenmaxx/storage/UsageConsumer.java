package io.tokenmaxx.storage;

import io.tokenmaxx.model.UsageRecord;
import java.util.List;

/**
 * Takes usage records into storage. Idempotent on {@link UsageRecord#id()}: accepting a record
 * whose id is already stored replaces the stored copy (so a re-scan that sees a grown streaming
 * copy, or a late re-attribution, converges), and never creates a second row.
 *
 * <p>When this method returns, the records are durable: callers acknowledge upstream only after.
 */
public interface UsageConsumer {
  void accept(List<UsageRecord> records);
}
