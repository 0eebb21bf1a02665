package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tokenmaxx.demo.DemoActivity;
import io.tokenmaxx.demo.DemoOrganization;
import io.tokenmaxx.demo.DemoPerson;
import io.tokenmaxx.demo.DemoSink;
import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.guard.FeatureExtractor;
import io.tokenmaxx.guard.GuardConfig;
import io.tokenmaxx.guard.GuardWeeks;
import io.tokenmaxx.guard.WeekFeatures;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The guard's features computed by the store's SQL agree with the pure-Java {@link FeatureExtractor}
 * on generated organizations (burners included), in zones with DST and odd offsets.
 */
public abstract class ITGuardFeatures extends StorageTest {

  @ParameterizedTest
  @CsvSource({"America/New_York,friday,48", "Asia/Kolkata,monday,24", "Europe/London,wednesday,72"})
  void sqlAgreesWithTheReference(String zone, String snapshot, int window) {
    DemoSpec spec = new DemoSpec(zone.length(), 40, 3, LocalDate.of(2026, 11, 6), ZoneId.of(zone), 1.0, 0.3,
        DayOfWeek.FRIDAY);
    GuardConfig config = GuardConfig.defaults().with(Map.of("zone", zone, "snapshot.day", snapshot,
        "snapshot.window-hours", Integer.toString(window)));
    LocalDate from = GuardWeeks.mondayOf(spec.startDate()).plusWeeks(1);
    LocalDate to = GuardWeeks.mondayOf(spec.endDate()).plusWeeks(1);
    FeatureExtractor reference = new FeatureExtractor(config, GuardWeeks.start(from, config.zone()),
        GuardWeeks.start(to, config.zone()));
    List<UsageRecord> usage = new ArrayList<>();
    List<OutcomeRecord> outcomes = new ArrayList<>();
    DemoOrganization org = DemoOrganization.generate(spec);
    DemoActivity activity = new DemoActivity(spec);
    for (DemoPerson p : org.people()) {
      activity.generate(p, new DemoSink() {
        @Override public void usage(UsageRecord r) { usage.add(r); reference.accept(r); }
        @Override public void outcome(OutcomeRecord o) { outcomes.add(o); reference.accept(o); }
      });
    }
    storage.usageConsumer().accept(usage);
    storage.outcomeConsumer().accept(outcomes);
    List<WeekFeatures> expected = reference.features();
    List<WeekFeatures> actual = storage.guardFeatures().weekFeatures(from, to, config);
    assertThat(expected.size()).isGreaterThan(20);
    assertThat(actual).extracting(f -> f.person() + " " + f.week())
        .containsExactlyElementsOf(expected.stream().map(f -> f.person() + " " + f.week()).toList());
    for (int i = 0; i < expected.size(); i++) {
      WeekFeatures e = expected.get(i);
      WeekFeatures a = actual.get(i);
      String at = e.person() + " " + e.week();
      assertThat(a.records()).as(at).isEqualTo(e.records());
      assertThat(a.requests()).as(at).isEqualTo(e.requests());
      assertThat(a.totalTokens()).as(at).isEqualTo(e.totalTokens());
      assertThat(a.generatedTokens()).as(at).isEqualTo(e.generatedTokens());
      assertThat(a.cacheReadTokens()).as(at).isEqualTo(e.cacheReadTokens());
      assertThat(a.tinyOutputRecords()).as(at).isEqualTo(e.tinyOutputRecords());
      assertThat(a.activeHours()).as(at).isEqualTo(e.activeHours());
      assertThat(a.maxHoursInADay()).as(at).isEqualTo(e.maxHoursInADay());
      assertThat(a.nightRecords()).as(at).isEqualTo(e.nightRecords());
      assertThat(a.gapCount()).as(at).isEqualTo(e.gapCount());
      assertThat(a.gapSum()).as(at).isCloseTo(e.gapSum(), within(1e-6 * Math.max(1, e.gapSum())));
      assertThat(a.gapSumSquares()).as(at).isCloseTo(e.gapSumSquares(), within(1e-6 * Math.max(1, e.gapSumSquares())));
      assertThat(a.hashedRecords()).as(at).isEqualTo(e.hashedRecords());
      assertThat(a.distinctHashes()).as(at).isEqualTo(e.distinctHashes());
      assertThat(a.repeatedRecords()).as(at).isEqualTo(e.repeatedRecords());
      assertThat(a.hashEntropyBits()).as(at).isCloseTo(e.hashEntropyBits(), within(1e-6));
      assertThat(a.dayTokens()).as(at).containsExactly(e.dayTokens());
      assertThat(a.preSnapshotTokens()).as(at).isEqualTo(e.preSnapshotTokens());
      assertThat(a.commits()).as(at).isEqualTo(e.commits());
      assertThat(a.pullRequests()).as(at).isEqualTo(e.pullRequests());
      assertThat(a.linesAdded()).as(at).isEqualTo(e.linesAdded());
      assertThat(a.editsAccepted()).as(at).isEqualTo(e.editsAccepted());
      assertThat(a.activeSecondsUser()).as(at).isEqualTo(e.activeSecondsUser());
      assertThat(a.activeSecondsCli()).as(at).isEqualTo(e.activeSecondsCli());
      assertThat(a.substance()).as(at).isEqualTo(e.substance());
    }
  }

  @org.junit.jupiter.api.Test
  void weekFingerprintsChangeOnlyForTheWeeksThatReceivedData() {
    ZoneId zone = ZoneId.of("America/New_York");
    java.util.function.BiFunction<String, String, UsageRecord> rec = (id, ts) -> UsageRecord.builder().id(id)
        .timestamp(java.time.Instant.parse(ts)).source("test").tool("claude-code").person("p1").inputTokens(10)
        .outputTokens(5).build();
    storage.usageConsumer().accept(List.of(rec.apply("a", "2026-03-03T15:00:00Z"), rec.apply("b", "2026-03-10T15:00:00Z")));
    Map<LocalDate, String> before = storage.guardFeatures().weekFingerprints(zone);
    assertThat(before).containsOnlyKeys(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9));
    // Sunday 23:30 in New York is Monday in UTC: the week is the zone's
    storage.usageConsumer().accept(List.of(rec.apply("c", "2026-03-09T03:30:00Z"), rec.apply("a", "2026-03-03T15:00:00Z")));
    Map<LocalDate, String> after = storage.guardFeatures().weekFingerprints(zone);
    assertThat(after.get(LocalDate.of(2026, 3, 9))).isEqualTo(before.get(LocalDate.of(2026, 3, 9)));
    assertThat(after.get(LocalDate.of(2026, 3, 2))).as("a record added, a duplicate ignored")
        .isNotEqualTo(before.get(LocalDate.of(2026, 3, 2)));
    storage.outcomeConsumer().accept(List.of(new OutcomeRecord("o1", java.time.Instant.parse("2026-03-11T15:00:00Z"),
        "test", null, io.tokenmaxx.model.OutcomeKind.COMMIT, 2, "p1", null, null, null, null)));
    assertThat(storage.guardFeatures().weekFingerprints(zone).get(LocalDate.of(2026, 3, 9)))
        .isNotEqualTo(after.get(LocalDate.of(2026, 3, 9)));
  }
}
