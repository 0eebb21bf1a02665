package io.tokenmaxx.bench.guard.redteam;

import io.tokenmaxx.guard.GuardConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The held-out evaluation of the Goodhart guard on the red-team organizations: the decision
 * thresholds are chosen on the odd seeds (the lowest false-positive rate of every honest persona
 * first, then the weakest strategy's recall), and the table is reported on the even seeds, which
 * played no part in the choice. Prints recall per strategy at its default parameters and over the
 * sweep, and the false-positive rate per honest persona.
 *
 * <p>Usage: {@code RedTeamEvaluation [seeds]} (default 20: 10 to fit, 10 to report). Tuning aids:
 * {@code GUARD_NOFIT=1} keeps the shipped defaults instead of fitting, {@code GUARD_DIAG=1} prints the
 * fitting half's table and the signals behind its flags and stops before the held-out table,
 * {@code GUARD_MISSES=<strategy>} lists that strategy's missed weeks with their measurements in every
 * evaluation (use it with the other two, so only the fitting half is looked at).
 */
public final class RedTeamEvaluation {
  /** The thresholds the fit chooses among; every other setting keeps its default. */
  static final Map<String, List<String>> FIT = new LinkedHashMap<>();

  static {
    FIT.put("regular.min-share", List.of("0.4", "0.5", "0.6"));
    FIT.put("empty.min-share", List.of("0.6", "0.7", "0.8"));
    FIT.put("hollow.min-days", List.of("2", "3", "4"));
    FIT.put("shape.min-records", List.of("10", "20", "40"));
    FIT.put("burst.min-ratio", List.of("3", "4", "6"));
    FIT.put("thin.min-tools", List.of("2", "3"));
    FIT.put("padding.min-share", List.of("0.35", "0.45", "0.55"));
  }

  /** The most a persona's false-positive rate may reach on the fitting half (the target is 2 %; a margin for the other half). */
  static final double FIT_MAX_FP = 0.01;

  public static void main(String[] args) {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    if (System.getenv("GUARD_NOFIT") != null) FIT.replaceAll((k, v) -> List.of(GuardConfig.defaults().asMap().get(k)));
    GuardConfig shipped = GuardConfig.defaults().withZone(RedTeamOrg.ZONE);
    long t0 = System.nanoTime();
    List<RedTeamOrg> fit = new ArrayList<>();
    List<RedTeamOrg> held = new ArrayList<>();
    long records = 0;
    for (int s = 1; s <= seeds; s++) {
      RedTeamOrg org = RedTeamOrg.generate(s, shipped);
      records += org.usageRecords;
      (s % 2 == 1 ? fit : held).add(org);
    }
    long t1 = System.nanoTime();
    List<Map<String, String>> candidates = new ArrayList<>();
    candidates.add(new HashMap<>());
    for (var e : FIT.entrySet()) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> c : candidates) {
        for (String v : e.getValue()) {
          Map<String, String> m = new LinkedHashMap<>(c);
          m.put(e.getKey(), v);
          next.add(m);
        }
      }
      candidates = next;
    }
    Map<String, String> best = null;
    double[] bestScore = null;
    for (Map<String, String> c : candidates) {
      Tally t = Tally.of(shipped.with(c), fit);
      double fp = t.maxFalsePositiveRate();
      double[] score = {fp <= FIT_MAX_FP ? 1 : 0, fp <= FIT_MAX_FP ? 0 : -fp, t.minDefaultRecall(), t.minSweepRecall(),
          t.sweepRecall(), -fp};
      if (bestScore == null || compare(score, bestScore) > 0) {
        best = c;
        bestScore = score;
      }
    }
    long t2 = System.nanoTime();
    GuardConfig chosen = shipped.with(best);
    Tally fitTally = Tally.of(chosen, fit);
    Tally report = Tally.of(chosen, held);
    int people = fit.getFirst().people.size();
    System.out.printf(Locale.ROOT, "red-team organizations: %d seeds x %d people x %d weeks, %,d usage records; "
            + "generated and measured in %.1f s%n", seeds, people, RedTeamOrg.WEEKS, records, (t1 - t0) / 1e9);
    System.out.printf(Locale.ROOT, "thresholds fitted on the odd seeds (%d candidates in %.1f s): %s%n", candidates.size(),
        (t2 - t1) / 1e9, best);
    boolean same = chosen.equals(shipped);
    System.out.println(same ? "the shipped defaults (GuardConfig.defaults()) are the fitted thresholds"
        : "NOTE: the shipped defaults differ from the fitted thresholds; shipped: "
            + pick(shipped.asMap()));
    System.out.printf(Locale.ROOT, "fitting half: weakest strategy at default %.1f %%, sweep %.1f %%, worst persona FP %.2f %%%n%n",
        100 * fitTally.minDefaultRecall(), 100 * fitTally.sweepRecall(), 100 * fitTally.maxFalsePositiveRate());
    if (System.getenv("GUARD_DIAG") != null) {
      System.out.println("fitting half, signals in flagged weeks per row:");
      fitTally.signals.forEach((k, v) -> System.out.println("  " + k + ": " + v));
      System.out.println("fitting half table:");
      print(fitTally);
      return;
    }
    System.out.println("HELD-OUT (even seeds, not used for the choice)\n");
    print(report);
    if (!same) {
      System.out.println("\nHELD-OUT with the shipped defaults\n");
      print(Tally.of(shipped, held));
    }
  }

  private static Map<String, String> pick(Map<String, String> all) {
    Map<String, String> m = new LinkedHashMap<>();
    FIT.keySet().forEach(k -> m.put(k, all.get(k)));
    return m;
  }

  private static int compare(double[] a, double[] b) {
    for (int i = 0; i < a.length; i++) {
      int c = Double.compare(a[i], b[i]);
      if (c != 0) return c;
    }
    return 0;
  }

  static void print(Tally t) {
    StringBuilder sb = new StringBuilder();
    sb.append("| strategy | gamed person-weeks at default | flagged | recall at default | gamed person-weeks in the sweep | flagged | recall over the sweep | weakest sweep setting |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (Strategy s : Strategy.values()) {
      long[] d = t.atDefault.getOrDefault(s, new long[2]);
      long[] w = t.sweep.getOrDefault(s, new long[2]);
      String weakest = t.sweepBySetting.getOrDefault(s, Map.of()).entrySet().stream()
          .min(Comparator.comparingDouble((Map.Entry<Params, long[]> e) -> Tally.rate(e.getValue())))
          .map(e -> String.format(Locale.ROOT, "%s: %d of %d", e.getKey(), e.getValue()[1], e.getValue()[0])).orElse("");
      sb.append(String.format(Locale.ROOT, "| %s | %d | %d | **%.1f %%** | %d | %d | **%.1f %%** | %s |%n", s.label(),
          d[0], d[1], 100 * Tally.rate(d), w[0], w[1], 100 * Tally.rate(w), weakest));
    }
    sb.append(String.format(Locale.ROOT, "| **all strategies** | %d | %d | %.1f %% | %d | %d | %.1f %% | |%n",
        t.atDefault.values().stream().mapToLong(a -> a[0]).sum(), t.atDefault.values().stream().mapToLong(a -> a[1]).sum(),
        100 * Tally.pooled(t.atDefault.values()), t.sweep.values().stream().mapToLong(a -> a[0]).sum(),
        t.sweep.values().stream().mapToLong(a -> a[1]).sum(), 100 * t.sweepRecall()));
    sb.append("\n| honest persona | person-weeks | flagged | false-positive rate |\n|---|---:|---:|---:|\n");
    sb.append(Tally.rows(t.honest, Honest::label, ""));
    sb.append(String.format(Locale.ROOT, "| (gamers' weeks without the script, not a target) | %d | %d | %.1f %% |%n",
        t.gamersOff[0], t.gamersOff[1], 100 * Tally.rate(t.gamersOff)));
    sb.append("\n| sweep knob (all strategies) | gamed person-weeks | flagged | recall |\n|---|---:|---:|---:|\n");
    sb.append(Tally.rows(t.sweepByKnob, k -> k, ""));
    System.out.print(sb);
  }
}
