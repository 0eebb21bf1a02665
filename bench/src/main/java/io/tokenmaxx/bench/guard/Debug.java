package io.tokenmaxx.bench.guard;

import io.tokenmaxx.demo.DemoPerson;
import io.tokenmaxx.guard.GuardConfig;
import io.tokenmaxx.guard.Stats;
import io.tokenmaxx.guard.WeekFeatures;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Prints the measurements of one persona's weeks next to the organization's (tuning aid). */
final class Debug {
  private Debug() {}

  static void dump(List<WeekFeatures> features, Map<String, DemoPerson> byId, Map<String, Set<LocalDate>> burns,
      GuardConfig config, String persona) {
    double[] logs = features.stream().filter(f -> f.records() >= config.minRecords()).mapToDouble(f -> Math.log(f.totalTokens())).toArray();
    double[] yields = features.stream().filter(f -> f.records() >= config.minRecords() && f.outcomeUnits() > 0).mapToDouble(f -> f.outcomeUnits() / (f.totalTokens() / 1e7)).toArray();
    System.out.printf(Locale.ROOT, "org: median tokens %.0f, MAD(log) %.2f, median yield %.3f (%d weeks with outcomes of %d)%n",
        Math.exp(Stats.median(logs)), Stats.mad(logs), Stats.median(yields), yields.length, logs.length);
    double med = Stats.median(logs), mad = Stats.mad(logs);
    int n = 0;
    for (WeekFeatures f : features) {
      DemoPerson p = byId.get(f.person());
      if (!p.persona().name().equalsIgnoreCase(persona) || n++ > 40) continue;
      boolean burn = burns.getOrDefault(f.person(), Set.of()).contains(f.week());
      System.out.printf(Locale.ROOT, "%s %s eng=%s burn=%s rec=%d tok=%.1fM z=%.2f units=%.0f yield=%.3f cv=%.2f hrs=%d maxday=%d night=%.2f rep=%.2f tiny=%.2f cr/gen=%.0f pre=%.2f cli=%.1fh user=%.1fh%n",
          f.person(), f.week(), p.engineer(), burn, f.records(), f.totalTokens() / 1e6, (Math.log(f.totalTokens()) - med) / mad,
          f.outcomeUnits(), f.outcomeUnits() / (f.totalTokens() / 1e7), f.gapCv(), f.activeHours(), f.maxHoursInADay(),
          f.nightShare(), f.repeatedShare(), f.tinyOutputShare(), f.cacheReadPerGenerated(), f.preSnapshotShare(),
          f.activeSecondsCli() / 3600, f.activeSecondsUser() / 3600);
    }
  }
}
