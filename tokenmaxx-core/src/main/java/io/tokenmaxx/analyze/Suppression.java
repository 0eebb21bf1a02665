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
    return hidden(rows, k, java.util.List.of(), java.util.List.of());
  }

  /**
   * As above, where {@code groups} are further sets of rows whose total is published too (the rows
   * of one department in a table of teams: the department's row or filter gives their sum), so
   * the hidden rows of each group must also hold k people or none; and in each of
   * {@code hideSome} (the teams of a hidden department) at least one row is hidden, so the group
   * does not add up to the total that was hidden.
   */
  public static <K> Set<K> hidden(Map<K, Map<Integer, Set<String>>> rows, int k,
      java.util.Collection<? extends java.util.Collection<K>> groups,
      java.util.Collection<? extends java.util.Collection<K>> hideSome) {
    Set<K> hidden = new LinkedHashSet<>();
    Set<Integer> periods = new HashSet<>();
    rows.forEach((key, byPeriod) -> {
      byPeriod.forEach((p, people) -> {
        periods.add(p);
        if (!people.isEmpty() && people.size() < k) hidden.add(key);
      });
    });
    for (java.util.Collection<K> g : hideSome) {
      if (g.stream().anyMatch(hidden::contains)) continue;
      g.stream().filter(rows::containsKey)
          .min(Comparator.comparingInt((K key) -> rows.get(key).values().stream().mapToInt(Set::size).max().orElse(0))
              .thenComparing(String::valueOf))
          .ifPresent(hidden::add);
    }
    if (hidden.isEmpty()) return hidden;
    java.util.List<java.util.Collection<K>> sets = new java.util.ArrayList<>();
    sets.add(rows.keySet());
    sets.addAll(groups);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (java.util.Collection<K> set : sets) {
        for (int p : periods) {
          Set<String> union = new HashSet<>();
          for (K key : set) if (hidden.contains(key) && rows.containsKey(key)) union.addAll(rows.get(key).getOrDefault(p, Set.of()));
          while (!union.isEmpty() && union.size() < k) {
            K next = smallestOther(rows, set, hidden, p);
            if (next == null) break;
            hidden.add(next);
            union.addAll(rows.get(next).getOrDefault(p, Set.of()));
            changed = true;
          }
        }
      }
    }
    return hidden;
  }

  /** The shown row of {@code set} with the fewest (but some) people in period p; ties by key text. */
  private static <K> K smallestOther(Map<K, Map<Integer, Set<String>>> rows, java.util.Collection<K> set, Set<K> hidden,
      int p) {
    return rows.entrySet().stream()
        .filter(e -> set.contains(e.getKey()) && !hidden.contains(e.getKey()))
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
