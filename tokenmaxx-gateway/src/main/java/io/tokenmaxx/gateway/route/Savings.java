package io.tokenmaxx.gateway.route;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a cheap-first cascade saved: per model class, the cost of what was served against the cost
 * of sending every request straight to the strongest target. A pure function over cascade
 * outcomes, for the dashboard's table.
 */
public final class Savings {
  private Savings() {}

  /**
   * One cascaded request.
   *
   * @param modelClass  the requested model name (the route)
   * @param actualCost  what it cost, every attempt included (an escalated request paid for the cheap answer too)
   * @param strongCost  what it would have cost at the strongest target with the same tokens
   * @param escalated   whether the cheap answer was replaced
   */
  public record Outcome(String modelClass, BigDecimal actualCost, BigDecimal strongCost, boolean escalated) {}

  /** One row of the table. */
  public record Row(String modelClass, long requests, long escalated, BigDecimal actualCost, BigDecimal strongCost,
      BigDecimal saved, double savedShare, double escalationRate) {}

  /** Rows by model class (alphabetical); outcomes with an unknown cost are left out of the sums. */
  public static List<Row> table(List<Outcome> outcomes) {
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, BigDecimal[]> money = new TreeMap<>();
    for (Outcome o : outcomes) {
      if (o.actualCost() == null || o.strongCost() == null) continue;
      long[] c = counts.computeIfAbsent(o.modelClass(), k -> new long[2]);
      c[0]++;
      if (o.escalated()) c[1]++;
      BigDecimal[] m = money.computeIfAbsent(o.modelClass(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      m[0] = m[0].add(o.actualCost());
      m[1] = m[1].add(o.strongCost());
    }
    List<Row> rows = new ArrayList<>();
    for (var e : counts.entrySet()) {
      BigDecimal[] m = money.get(e.getKey());
      rows.add(row(e.getKey(), e.getValue()[0], e.getValue()[1], m[0], m[1]));
    }
    return rows;
  }

  /** One row from a model class's sums (what a store adds up). */
  public static Row row(String modelClass, long requests, long escalated, BigDecimal actualCost, BigDecimal strongCost) {
    BigDecimal saved = strongCost.subtract(actualCost);
    double share = strongCost.signum() == 0 ? 0 : saved.divide(strongCost, MathContext.DECIMAL64).doubleValue();
    return new Row(modelClass, requests, escalated, actualCost, strongCost, saved, share,
        requests == 0 ? 0 : (double) escalated / requests);
  }
}
