package io.tokenmaxx.collect.vendor;

import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Spreads a vendor's billed cost (per workspace or project and model) over the usage rows of that
 * workspace and model in proportion to their tokens, as the rows' reported cost. The shares add up
 * to the vendor's amount exactly; rows without a matching cost keep none.
 */
final class CostShares {
  private CostShares() {}

  static List<UsageRecord> spread(List<UsageRecord> rows, Map<List<String>, BigDecimal> costs,
      Function<UsageRecord, List<String>> key) {
    if (costs.isEmpty()) return rows;
    Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) groups.computeIfAbsent(key.apply(rows.get(i)), k -> new ArrayList<>()).add(i);
    List<UsageRecord> out = new ArrayList<>(rows);
    for (Map.Entry<List<String>, List<Integer>> g : groups.entrySet()) {
      BigDecimal cost = costs.get(g.getKey());
      if (cost == null) continue;
      long total = 0;
      for (int i : g.getValue()) total += rows.get(i).totalTokens();
      BigDecimal given = BigDecimal.ZERO;
      List<Integer> members = g.getValue();
      for (int j = 0; j < members.size(); j++) {
        UsageRecord r = rows.get(members.get(j));
        BigDecimal share = j == members.size() - 1 ? cost.subtract(given)
            : total == 0 ? BigDecimal.ZERO
            : cost.multiply(BigDecimal.valueOf(r.totalTokens())).divide(BigDecimal.valueOf(total), 10, RoundingMode.HALF_EVEN);
        given = given.add(share);
        out.set(members.get(j), r.toBuilder().reportedCost(share).build());
      }
    }
    return out;
  }
}
