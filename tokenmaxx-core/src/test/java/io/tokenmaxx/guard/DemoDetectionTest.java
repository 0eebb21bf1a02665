package io.tokenmaxx.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.checkin.CheckIn;
import io.tokenmaxx.demo.DemoActivity;
import io.tokenmaxx.demo.DemoCheckins;
import io.tokenmaxx.demo.DemoOrganization;
import io.tokenmaxx.demo.DemoPerson;
import io.tokenmaxx.demo.DemoSink;
import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The guard on a small generated organization with a quarter of burners (bench/guard measures the full one). */
class DemoDetectionTest {

  @Test
  void findsBurnerWeeksAndLeavesLegitimateOnesAlone() {
    DemoSpec spec = new DemoSpec(99, 160, 6, LocalDate.of(2026, 6, 26), ZoneId.of("America/New_York"), 1.0, 0.25,
        DayOfWeek.FRIDAY);
    DemoOrganization org = DemoOrganization.generate(spec);
    GuardConfig config = GuardConfig.defaults().withZone(spec.zone());
    LocalDate from = GuardWeeks.mondayOf(spec.startDate());
    LocalDate to = GuardWeeks.mondayOf(spec.endDate()).plusWeeks(1);
    List<WeekFeatures> features = new ArrayList<>();
    Map<String, Set<LocalDate>> burns = new HashMap<>();
    DemoActivity activity = new DemoActivity(spec);
    for (DemoPerson p : org.people()) {
      FeatureExtractor x = new FeatureExtractor(config, null, null);
      burns.put(p.id(), activity.generate(p, new DemoSink() {
        @Override public void usage(UsageRecord r) { x.accept(r); }
        @Override public void outcome(OutcomeRecord o) { x.accept(o); }
      }));
      features.addAll(x.features());
    }
    Set<PersonWeek> checked = new HashSet<>();
    for (CheckIn c : DemoCheckins.generate(org, spec)) checked.add(new PersonWeek(c.person(), c.week()));
    Set<PersonWeek> flagged = new HashSet<>();
    new GoodhartGuard(config).evaluate(features, checked, from, to, Instant.EPOCH).forEach(f -> flagged.add(f.key()));
    int positives = 0, tp = 0, negatives = 0, fp = 0;
    for (WeekFeatures f : features) {
      boolean burn = burns.get(f.person()).contains(f.week());
      boolean hit = flagged.contains(new PersonWeek(f.person(), f.week()));
      if (burn) { positives++; if (hit) tp++; } else { negatives++; if (hit) fp++; }
    }
    assertThat(positives).isGreaterThan(40);
    assertThat((double) tp / positives).as("recall (%d of %d)", tp, positives).isGreaterThanOrEqualTo(0.9);
    assertThat((double) fp / negatives).as("false-positive rate (%d of %d)", fp, negatives).isLessThanOrEqualTo(0.05);
  }
}
