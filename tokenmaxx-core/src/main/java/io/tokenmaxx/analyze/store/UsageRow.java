package io.tokenmaxx.analyze.store;

import java.math.BigDecimal;
import java.util.List;

/**
 * One group of {@link AnalyticsStore#usage}: the key values (in the order asked; null where the
 * records had none) and the sums over the group's records.
 *
 * @param cost         sum of effective costs (computed, else reported)
 * @param unpriced     records with neither a computed nor a reported cost
 * @param people       distinct non-null persons
 * @param activeDays   distinct (person, local day) pairs, non-null persons only
 */
public record UsageRow(
    List<String> key,
    long inputTokens,
    long outputTokens,
    long cacheReadTokens,
    long cacheWriteTokens,
    long reasoningTokens,
    long requests,
    long records,
    BigDecimal cost,
    long unpriced,
    long people,
    long activeDays) {

  public long totalTokens() {
    return inputTokens + outputTokens + cacheReadTokens + cacheWriteTokens + reasoningTokens;
  }

  public String key(int i) {
    return key.get(i);
  }
}
