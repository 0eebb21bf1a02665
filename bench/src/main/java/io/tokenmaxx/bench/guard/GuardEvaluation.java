package io.tokenmaxx.bench.guard;

import io.tokenmaxx.checkin.CheckIn;
import io.tokenmaxx.demo.DemoActivity;
import io.tokenmaxx.demo.DemoCheckins;
import io.tokenmaxx.demo.DemoOrganization;
import io.tokenmaxx.demo.DemoPerson;
import io.tokenmaxx.demo.DemoSink;
import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.guard.FeatureExtractor;
import io.tokenmaxx.guard.GoodhartGuard;
import io.tokenmaxx.guard.GuardConfig;
import io.tokenmaxx.guard.GuardFlag;
import io.tokenmaxx.guard.GuardWeeks;
import io.tokenmaxx.guard.PersonWeek;
import io.tokenmaxx.guard.WeekFeatures;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures the Goodhart guard on the labelled organization: every active person-week is a case;
 * burner weeks (the generator's ground truth) should be flagged, every other active week should
 * not. Prints the confusion table per burner kind and per legitimate persona.
 *
 * <p>Usage: {@code GuardEvaluation [people] [weeks] [seed] [--reference]}. Without
 * {@code --reference}, features come from the DuckDB store's SQL (the production path).
 */
public final class GuardEvaluation {

  public static void main(String[] args) throws Exception {
    List<String> a = new ArrayList<>(List.of(args));
    boolean reference = a.remove("--reference");
    int people = a.size() > 0 ? Integer.parseInt(a.get(0)) : 800;
    int weeks = a.size() > 1 ? Integer.parseInt(a.get(1)) : 12;
    long seed = a.size() > 2 ? Long.parseLong(a.get(2)) : 2026;
    DemoSpec spec = LabeledOrganization.spec(seed, people, weeks, LocalDate.of(2026, 11, 20));
    DemoOrganization org = LabeledOrganization.build(spec);
    GuardConfig config = GuardConfig.defaults().withZone(spec.zone());
    LocalDate fromWeek = GuardWeeks.mondayOf(spec.startDate());
    LocalDate toWeek = GuardWeeks.mondayOf(spec.endDate()).plusWeeks(1);

    long t0 = System.nanoTime();
    Map<String, Set<LocalDate>> burns = new HashMap<>();
    List<WeekFeatures> features;
    long[] counts = new long[2];
    if (reference) {
      features = new ArrayList<>();
      DemoActivity activity = new DemoActivity(spec);
      for (DemoPerson p : org.people()) {
        FeatureExtractor x = new FeatureExtractor(config, GuardWeeks.start(fromWeek, spec.zone()), GuardWeeks.start(toWeek, spec.zone()));
        burns.put(p.id(), activity.generate(p, new DemoSink() {
          @Override public void usage(UsageRecord r) { counts[0]++; x.accept(r); }
          @Override public void outcome(OutcomeRecord o) { counts[1]++; x.accept(o); }
        }));
        features.addAll(x.features());
      }
    } else {
      features = StoreFeatures.compute(org, spec, config, fromWeek, toWeek, burns, counts);
    }
    long t1 = System.nanoTime();
    Set<PersonWeek> checkedIn = new HashSet<>();
    List<CheckIn> checkins = DemoCheckins.generate(org, spec);
    checkins.forEach(c -> checkedIn.add(new PersonWeek(c.person(), c.week())));
    List<GuardFlag> flags = new GoodhartGuard(config).evaluate(features, checkedIn, fromWeek, toWeek, Instant.EPOCH);
    long t2 = System.nanoTime();
    Map<PersonWeek, GuardFlag> byKey = new HashMap<>();
    flags.forEach(f -> byKey.put(f.key(), f));
    Map<String, DemoPerson> byId = new HashMap<>();
    org.people().forEach(p -> byId.put(p.id(), p));
    Confusion confusion = new Confusion();
    for (WeekFeatures f : features) {
      DemoPerson p = byId.get(f.person());
      boolean burn = burns.getOrDefault(f.person(), Set.of()).contains(f.week());
      confusion.add(p.persona(), burn, byKey.get(new PersonWeek(f.person(), f.week())));
    }
    System.out.printf("labelled organization: %d people, %d weeks (%s .. %s), seed %d; %,d usage and %,d outcome records, %,d check-ins%n",
        people, weeks, spec.startDate(), spec.endDate(), seed, counts[0], counts[1], checkins.size());
    System.out.printf("features: %s in %.1f s; decision over %,d person-weeks in %.2f s%n%n",
        reference ? "pure-Java reference" : "DuckDB SQL", (t1 - t0) / 1e9, features.size(), (t2 - t1) / 1e9);
    System.out.print(confusion.table());
    if (System.getenv("GUARD_FLAGS") != null) {
      for (GuardFlag f : flags) {
        DemoPerson p = byId.get(f.person());
        if (p.persona().name().equalsIgnoreCase(System.getenv("GUARD_FLAGS"))) {
          System.out.println(f.person() + " " + f.week() + " " + p.zone() + " " + f.signals().stream().map(h -> h.summary() + " " + h.evidence()).toList());
        }
      }
    }
    if (System.getenv("GUARD_MISSES") != null) {
      for (WeekFeatures f : features) {
        boolean burn = burns.getOrDefault(f.person(), Set.of()).contains(f.week());
        if (burn && !byKey.containsKey(new PersonWeek(f.person(), f.week()))) {
          System.out.printf("missed %s %s %s: records %d, tokens %.1fM, commits %.0f, prs %.0f, checked in %s, active hours %d%n",
              byId.get(f.person()).persona(), f.person(), f.week(), f.records(), f.totalTokens() / 1e6, f.commits(),
              f.pullRequests(), checkedIn.contains(new PersonWeek(f.person(), f.week())), f.activeHours());
        }
      }
    }
    if (System.getenv("GUARD_DEBUG") != null) Debug.dump(features, byId, burns, config, System.getenv("GUARD_DEBUG"));
  }
}
