package io.tokenmaxx.analyze;

import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;

/** Which of a record's costs an aggregation sums as its {@code cost}. */
public enum CostBasis {
  /** The catalog cost, else the cost the source reported ({@link UsageRecord#effectiveCost()}). */
  COMPUTED_FIRST,
  /** The cost the source reported (e.g. Claude Code's costUSD), else the catalog cost: ccusage's "auto". */
  REPORTED_FIRST,
  /** Only the catalog cost. */
  COMPUTED,
  /** Only the reported cost. */
  REPORTED;

  /** The cost of {@code r} on this basis, or null when it has none. */
  public BigDecimal cost(UsageRecord r) {
    return switch (this) {
      case COMPUTED_FIRST -> r.computedCost() != null ? r.computedCost() : r.reportedCost();
      case REPORTED_FIRST -> r.reportedCost() != null ? r.reportedCost() : r.computedCost();
      case COMPUTED -> r.computedCost();
      case REPORTED -> r.reportedCost();
    };
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static CostBasis parse(String label) {
    try {
      return valueOf(label.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown cost basis '" + label + "', expected one of "
          + Arrays.stream(values()).map(CostBasis::label).toList());
    }
  }
}
