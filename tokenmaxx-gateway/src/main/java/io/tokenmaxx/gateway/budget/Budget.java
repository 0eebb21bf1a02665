package io.tokenmaxx.gateway.budget;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A spending limit: {@code limit} US dollars or tokens per {@code period} for one {@code scope}.
 *
 * @param id     stable name, keys its consumption in the ledger (e.g. {@code team:platform/usd/month})
 * @param scope  whose requests count
 * @param metric dollars (at the price in force) or tokens (all disjoint fields summed)
 * @param limit  the most a period may consume
 * @param period day, week or month in the organization's zone
 */
public record Budget(String id, BudgetScope scope, Metric metric, BigDecimal limit, Period period) {
  public enum Metric { USD, TOKENS }

  public Budget {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(period, "period");
    if (limit.signum() <= 0) throw new IllegalArgumentException("a budget's limit must be positive, was " + limit);
    if (id == null) id = scope + "/" + metric.name().toLowerCase() + "/" + period.name().toLowerCase();
  }

  public String describe() {
    return (metric == Metric.USD ? limit.toPlainString() + " USD" : limit.toPlainString() + " tokens")
        + " per " + period.name().toLowerCase() + " for " + scope;
  }
}
