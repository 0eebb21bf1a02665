package io.tokenmaxx.bench.guard;

import io.tokenmaxx.demo.DemoActivity;
import io.tokenmaxx.demo.DemoOrganization;
import io.tokenmaxx.demo.DemoPerson;
import io.tokenmaxx.demo.DemoSink;
import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.guard.GuardConfig;
import io.tokenmaxx.guard.WeekFeatures;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.StorageComponent;
import io.tokenmaxx.storage.duckdb.DuckDbStorage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Loads the generated records into an in-memory DuckDB store and lets its SQL compute the features. */
final class StoreFeatures {
  private StoreFeatures() {}

  static List<WeekFeatures> compute(DemoOrganization org, DemoSpec spec, GuardConfig config, LocalDate fromWeek,
      LocalDate toWeek, Map<String, Set<LocalDate>> burns, long[] counts) {
    try (StorageComponent storage = DuckDbStorage.builder().inMemory().build()) {
      List<UsageRecord> usage = new ArrayList<>();
      List<OutcomeRecord> outcomes = new ArrayList<>();
      DemoActivity activity = new DemoActivity(spec);
      for (DemoPerson p : org.people()) {
        burns.put(p.id(), activity.generate(p, new DemoSink() {
          @Override public void usage(UsageRecord r) {
            usage.add(r);
            counts[0]++;
            if (usage.size() >= 100_000) flush(storage, usage, outcomes);
          }
          @Override public void outcome(OutcomeRecord o) {
            outcomes.add(o);
            counts[1]++;
          }
        }));
      }
      flush(storage, usage, outcomes);
      long t0 = System.nanoTime();
      List<WeekFeatures> features = storage.guardFeatures().weekFeatures(fromWeek, toWeek, config);
      System.out.printf("SQL features over %,d records: %.2f s%n", counts[0], (System.nanoTime() - t0) / 1e9);
      return features;
    }
  }

  private static void flush(StorageComponent storage, List<UsageRecord> usage, List<OutcomeRecord> outcomes) {
    storage.usageConsumer().accept(usage);
    storage.outcomeConsumer().accept(outcomes);
    usage.clear();
    outcomes.clear();
  }
}
