package io.tokenmaxx.bench.guard;

import io.tokenmaxx.demo.DemoOrganization;
import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.guard.GuardConfig;
import io.tokenmaxx.guard.WeekFeatures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Features computed by the DuckDB store over the generated records. */
final class StoreFeatures {
  private StoreFeatures() {}

  static List<WeekFeatures> compute(DemoOrganization org, DemoSpec spec, GuardConfig config, LocalDate fromWeek,
      LocalDate toWeek, Map<String, Set<LocalDate>> burns, long[] counts) {
    throw new UnsupportedOperationException("store features: not yet");
  }
}
