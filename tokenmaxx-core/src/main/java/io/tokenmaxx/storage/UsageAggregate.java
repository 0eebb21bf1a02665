package io.tokenmaxx.storage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One group of an aggregation: the group's key values (in the order of
 * {@link UsageQuery#groupBy()}; null where the record had no value) and the sums over its records.
 *
 * @param cost         sum of each record's effective cost (computed, else reported); records
 *                     with neither contribute nothing and are counted in {@code unpricedRecords}
 * @param computedCost sum of computed costs (priced records only)
 * @param reportedCost sum of costs the sources reported
 * @param unpricedRecords records whose model has no catalog price
 */
public record UsageAggregate(
    List<String> key,
    long inputTokens,
    long outputTokens,
    long cacheReadTokens,
    long cacheWrite5mTokens,
    long cacheWrite1hTokens,
    long reasoningTokens,
    long requests,
    long records,
    BigDecimal cost,
    BigDecimal computedCost,
    BigDecimal reportedCost,
    long unpricedRecords,
    Instant firstSeen,
    Instant lastSeen) {

  public long cacheWriteTokens() {
    return cacheWrite5mTokens + cacheWrite1hTokens;
  }

  public long totalTokens() {
    return inputTokens + outputTokens + cacheReadTokens + cacheWrite5mTokens + cacheWrite1hTokens
        + reasoningTokens;
  }
}
