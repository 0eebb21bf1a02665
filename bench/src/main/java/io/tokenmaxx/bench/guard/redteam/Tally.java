package io.tokenmaxx.bench.guard.redteam;

import io.tokenmaxx.guard.GoodhartGuard;
import io.tokenmaxx.guard.GuardConfig;
import io.tokenmaxx.guard.GuardFlag;
import io.tokenmaxx.guard.PersonWeek;
import io.tokenmaxx.guard.WeekFeatures;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Flagged and total person-weeks per strategy (default parameters, sweep) and per honest persona. */
final class Tally {
  final Map<Strategy, long[]> atDefault = new TreeMap<>();
  final Map<Strategy, long[]> sweep = new TreeMap<>();
  final Map<Strategy, Map<Params, long[]>> sweepBySetting = new TreeMap<>();
  final Map<Honest, long[]> honest = new TreeMap<>();
  final long[] gamersOff = new long[2];
  final Map<String, long[]> sweepByKnob = new TreeMap<>();
  /** Per row (strategy or persona label), how often each signal fired in its flagged weeks. */
  final Map<String, Map<String, Integer>> signals = new TreeMap<>();

  static Tally of(GuardConfig config, List<RedTeamOrg> orgs) {
    Tally t = new Tally();
    GoodhartGuard guard = new GoodhartGuard(config);
    for (RedTeamOrg org : orgs) {
      Map<String, Person> byId = new HashMap<>();
      org.people.forEach(p -> byId.put(p.id(), p));
      Set<PersonWeek> flagged = new HashSet<>();
      for (GuardFlag f : guard.evaluate(org.features, org.checkedIn, RedTeamOrg.FIRST_WEEK, RedTeamOrg.endWeek(), Instant.EPOCH)) {
        flagged.add(f.key());
        Person p = byId.get(f.person());
        String row = !p.gamer() ? p.honest().label() : p.gamed().contains(f.week()) ? p.strategy().label() : "gamer-off";
        Map<String, Integer> m = t.signals.computeIfAbsent(row, k -> new TreeMap<>());
        f.signals().forEach(h -> m.merge(h.signal().label(), 1, Integer::sum));
      }
      for (WeekFeatures f : org.features) {
        Person p = byId.get(f.person());
        int hit = flagged.contains(new PersonWeek(f.person(), f.week())) ? 1 : 0;
        String miss = System.getenv("GUARD_MISSES");
        if (miss != null && hit == 0 && p.gamer() && p.gamed().contains(f.week()) && p.strategy().label().equals(miss)) {
          System.out.println("missed " + p.id() + " " + f.week() + " " + p.params() + " records=" + f.records()
              + " tokens=" + f.totalTokens() + " " + f.substance());
        }
        if (!p.gamer()) {
          add(t.honest.computeIfAbsent(p.honest(), k -> new long[2]), hit);
        } else if (!p.gamed().contains(f.week())) {
          add(t.gamersOff, hit);
        } else if (!p.sweep()) {
          add(t.atDefault.computeIfAbsent(p.strategy(), k -> new long[2]), hit);
        } else {
          add(t.sweep.computeIfAbsent(p.strategy(), k -> new long[2]), hit);
          add(t.sweepBySetting.computeIfAbsent(p.strategy(), k -> new HashMap<>())
              .computeIfAbsent(p.params(), k -> new long[2]), hit);
          Params q = p.params();
          knob(t, "jitter " + q.jitter(), hit);
          knob(t, "volume " + q.volume() + "x", hit);
          knob(t, "pace " + q.pace() + "x", hit);
          knob(t, q.mix() ? "with honest work" : "script only", hit);
          knob(t, q.ownTool() ? "script under its own tool" : "script under the usual tool", hit);
        }
      }
    }
    return t;
  }

  private static void knob(Tally t, String key, int hit) {
    add(t.sweepByKnob.computeIfAbsent(key, k -> new long[2]), hit);
  }

  private static void add(long[] a, int hit) {
    a[0]++;
    a[1] += hit;
  }

  static double rate(long[] a) {
    return a == null || a[0] == 0 ? 0 : (double) a[1] / a[0];
  }

  double minDefaultRecall() {
    return atDefault.values().stream().mapToDouble(Tally::rate).min().orElse(0);
  }

  double minSweepRecall() {
    return sweep.values().stream().mapToDouble(Tally::rate).min().orElse(0);
  }

  double sweepRecall() {
    return pooled(sweep.values());
  }

  double maxFalsePositiveRate() {
    return honest.values().stream().mapToDouble(Tally::rate).max().orElse(0);
  }

  static double pooled(java.util.Collection<long[]> rows) {
    long n = 0, k = 0;
    for (long[] a : rows) {
      n += a[0];
      k += a[1];
    }
    return n == 0 ? 0 : (double) k / n;
  }

  static <K> String rows(Map<K, long[]> m, Function<K, String> name, String what) {
    StringBuilder sb = new StringBuilder();
    m.forEach((k, a) -> sb.append(String.format(java.util.Locale.ROOT, "| %s | %d | %d | %s %.1f %% |%n",
        name.apply(k), a[0], a[1], what, 100 * rate(a))));
    return sb.toString();
  }
}
