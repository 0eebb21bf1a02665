package io.tokenmaxx.analyze;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which rows of one table a restricted viewer may not see: primary suppression (a row of 1 .. k-1
 * people in some period) and complementary suppression (the hidden rows of a period together cover
 * 1 .. k-1 people, so the published total minus the shown rows would isolate them: the smallest
 * further rows are hidden until they cover at least k). People are the ones that count toward k
 * (those the viewer cannot see individually); a period is a week of the range.
 */
public final class Suppression {
  private Suppression() {}

  /**
   * @param rows per row key, per period, the people that count toward k
   * @param k    the minimum group size
   * @return the keys to hide
   */
  public static <K> Set<K> hidden(Map<K, Map<Integer, Set<String>>> rows, int k) {
    Set<K> hidden = new LinkedHashSet<>();
    Set<Integer> periods = new HashSet<>();
    rows.forEach((key, byPeriod) -> {
      byPeriod.forEach((p, people) -> {
        periods.add(p);
        if (!people.isEmpty() && people.size() < k) hidden.add(key);
      });
    });
    if (hidden.isEmpty()) return hidden;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int p : periods) {
        Set<String> union = new HashSet<>();
        for (K key : hidden) union.addAll(rows.get(key).getOrDefault(p, Set.of()));
        while (!union.isEmpty() && union.size() < k) {
          K next = smallestOther(rows, hidden, p);
          if (next == null) break;
          hidden.add(next);
          union.addAll(rows.get(next).getOrDefault(p, Set.of()));
          changed = true;
        }
      }
    }
    return hidden;
  }

  /** The shown row with the fewest (but some) people in period p; ties by key text. */
  private static <K> K smallestOther(Map<K, Map<Integer, Set<String>>> rows, Set<K> hidden, int p) {
    return rows.entrySet().stream()
        .filter(e -> !hidden.contains(e.getKey()))
        .filter(e -> !e.getValue().getOrDefault(p, Set.of()).isEmpty())
        .min(Comparator.comparingInt((Map.Entry<K, Map<Integer, Set<String>>> e) -> e.getValue().get(p).size())
            .thenComparing(e -> String.valueOf(e.getKey())))
        .map(Map.Entry::getKey).orElse(null);
  }

  /** True when every period's group is empty or has at least k people. */
  static boolean enough(Map<Integer, Set<String>> byPeriod, int k) {
    for (Set<String> people : byPeriod.values()) if (!people.isEmpty() && people.size() < k) return false;
    return true;
  }
}
