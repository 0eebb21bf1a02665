package io.tokenmaxx.cli.report;

import io.tokenmaxx.analyze.CostBasis;
import io.tokenmaxx.collect.local.UsageTable;
import java.math.BigDecimal;

/**
 * Token and cost sums of one report cell. Costs add up exactly: whole pico-dollars in a long,
 * anything else (and any overflow) in a BigDecimal.
 */
final class Sums {
  long input;
  long output;
  long reasoning;
  long cacheWrite5m;
  long cacheWrite1h;
  long cacheRead;
  long records;
  long unpriced;
  long first = Long.MAX_VALUE;
  long last = Long.MIN_VALUE;
  private final Money cost = new Money();
  private final Money computed = new Money();
  private final Money reported = new Money();

  /** Adds row {@code i} of {@code t}, its cost taken on {@code basis}. */
  void add(UsageTable t, int i, CostBasis basis) {
    input += t.inputTokens(i);
    output += t.outputTokens(i);
    reasoning += t.reasoningTokens(i);
    cacheWrite5m += t.cacheWrite5mTokens(i);
    cacheWrite1h += t.cacheWrite1hTokens(i);
    cacheRead += t.cacheReadTokens(i);
    records++;
    long ts = t.timestampMillis(i);
    if (ts < first) first = ts;
    if (ts > last) last = ts;
    long picos = t.computedCostPicos(i);
    BigDecimal rep = t.reportedCost(i);
    if (picos == UsageTable.UNPRICED) unpriced++;
    else computed.add(picos, t, i);
    if (rep != null) reported.add(rep);
    switch (basis) {
      case REPORTED_FIRST -> {
        if (rep != null) cost.add(rep);
        else if (picos != UsageTable.UNPRICED) cost.add(picos, t, i);
      }
      case COMPUTED_FIRST -> {
        if (picos != UsageTable.UNPRICED) cost.add(picos, t, i);
        else if (rep != null) cost.add(rep);
      }
      case COMPUTED -> {
        if (picos != UsageTable.UNPRICED) cost.add(picos, t, i);
      }
      case REPORTED -> {
        if (rep != null) cost.add(rep);
      }
    }
  }

  void add(Sums s) {
    input += s.input;
    output += s.output;
    reasoning += s.reasoning;
    cacheWrite5m += s.cacheWrite5m;
    cacheWrite1h += s.cacheWrite1h;
    cacheRead += s.cacheRead;
    records += s.records;
    unpriced += s.unpriced;
    first = Math.min(first, s.first);
    last = Math.max(last, s.last);
    cost.add(s.cost);
    computed.add(s.computed);
    reported.add(s.reported);
  }

  BigDecimal cost() {
    return cost.value();
  }

  BigDecimal computed() {
    return computed.value();
  }

  BigDecimal reported() {
    return reported.value();
  }

  /** Output as ccusage counts it: generated tokens, reasoning included. */
  long ccOutput() {
    return output + reasoning;
  }

  long cacheCreation() {
    return cacheWrite5m + cacheWrite1h;
  }

  long total() {
    return input + output + reasoning + cacheWrite5m + cacheWrite1h + cacheRead;
  }

  /** An exact sum of USD amounts. */
  static final class Money {
    private long picos;
    private BigDecimal extra = BigDecimal.ZERO;

    void add(long p, UsageTable t, int i) {
      if (p == UsageTable.NOT_PICOS) {
        extra = extra.add(t.computedCost(i));
        return;
      }
      long s = picos + p;
      if (((picos ^ s) & (p ^ s)) < 0) { // overflow
        extra = extra.add(BigDecimal.valueOf(picos, 12));
        picos = p;
      } else {
        picos = s;
      }
    }

    void add(BigDecimal v) {
      extra = extra.add(v);
    }

    void add(Money m) {
      add(m.picos, null, -1);
      extra = extra.add(m.extra);
    }

    BigDecimal value() {
      return extra.signum() == 0 ? BigDecimal.valueOf(picos, 12) : extra.add(BigDecimal.valueOf(picos, 12));
    }
  }
}
