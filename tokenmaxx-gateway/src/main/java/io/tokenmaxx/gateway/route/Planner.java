package io.tokenmaxx.gateway.route;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/** Orders a route's targets for one request by a strategy. Pure apart from the random draw. */
public final class Planner {
  private Planner() {}

  /**
   * @param cost  a target's estimated cost for this request (null when unknown: sorted last)
   */
  public static List<Target> order(Strategy strategy, List<Target> targets, Function<Target, BigDecimal> cost,
      RoutingStats stats, RandomGenerator random) {
    List<Target> out = new ArrayList<>(targets);
    switch (strategy) {
      case FALLBACK, CASCADE -> { }
      case CHEAPEST -> {
        List<BigDecimal> costs = new ArrayList<>();
        for (Target t : targets) costs.add(cost.apply(t));
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) idx.add(i);
        idx.sort(Comparator.comparing((Integer i) -> costs.get(i), Comparator.nullsLast(Comparator.naturalOrder())));
        out.clear();
        for (int i : idx) out.add(targets.get(i));
      }
      case LOWEST_LATENCY -> out.sort(Comparator.comparingDouble(t -> {
        double ms = stats.ttftMillis(t.key());
        return Double.isNaN(ms) ? -1 : ms;
      }));
      case WEIGHTED -> {
        out.clear();
        List<Target> left = new ArrayList<>(targets);
        while (!left.isEmpty()) {
          long total = 0;
          for (Target t : left) total += t.weight();
          Target pick = left.get(0);
          if (total > 0) {
            long r = random.nextLong(total);
            for (Target t : left) {
              r -= t.weight();
              if (r < 0) {
                pick = t;
                break;
              }
            }
          }
          out.add(pick);
          left.remove(pick);
        }
      }
    }
    return out;
  }
}
