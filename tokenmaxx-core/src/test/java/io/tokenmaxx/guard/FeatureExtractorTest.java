package io.tokenmaxx.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {
  static final ZoneId NY = ZoneId.of("America/New_York");
  static final GuardConfig CONFIG = GuardConfig.defaults().withZone(NY);
  static final LocalDate WEEK = LocalDate.of(2026, 3, 2); // a Monday

  static UsageRecord usage(String id, Instant t, long output, String hash) {
    return UsageRecord.builder().id(id).timestamp(t).source("test").tool("claude-code").person("p1")
        .inputTokens(100).outputTokens(output).cacheReadTokens(1000).promptHash(hash).build();
  }

  static Instant at(LocalDate d, int hour, int minute, int second) {
    return d.atTime(hour, minute, second).atZone(NY).toInstant();
  }

  @Test
  void measuresGapsHoursRepetitionAndOutcomes() {
    FeatureExtractor x = new FeatureExtractor(CONFIG, null, null);
    // Tuesday 10:00:00, :10, :30 (gaps 10 s and 20 s), then 11:00 (a 30 min break: not a gap), 23:30 (night)
    LocalDate tue = WEEK.plusDays(1);
    x.accept(usage("a", at(tue, 10, 0, 0), 10, "h1"));
    x.accept(usage("b", at(tue, 10, 0, 10), 10, "h1"));
    x.accept(usage("c", at(tue, 10, 0, 30), 500, "h2"));
    x.accept(usage("d", at(tue, 11, 0, 0), 500, null));
    x.accept(usage("e", at(tue, 23, 30, 0), 500, "h1"));
    x.accept(new OutcomeRecord("o1", at(tue, 18, 0, 0), "test", null, OutcomeKind.COMMIT, 2, "p1", null, null, null, null));
    x.accept(new OutcomeRecord("o2", at(tue, 18, 0, 0), "test", null, OutcomeKind.ACTIVE_SECONDS_CLI, 600, "p1", null, null, null, null));
    x.accept(usage("other", at(tue, 10, 0, 0), 10, "h1").toBuilder().person(null).build());
    List<WeekFeatures> fs = x.features();
    assertThat(fs).hasSize(1);
    WeekFeatures f = fs.getFirst();
    assertThat(f.week()).isEqualTo(WEEK);
    assertThat(f.records()).isEqualTo(5);
    assertThat(f.tinyOutputRecords()).isEqualTo(2);
    assertThat(f.gapCount()).isEqualTo(2);
    assertThat(f.gapSum()).isEqualTo(30.0);
    assertThat(f.gapCv()).isCloseTo(1.0 / 3, within(1e-9)); // mean 15, stddev 5
    assertThat(f.activeHours()).isEqualTo(3);
    assertThat(f.maxHoursInADay()).isEqualTo(3);
    assertThat(f.nightRecords()).isEqualTo(1);
    assertThat(f.hashedRecords()).isEqualTo(4);
    assertThat(f.distinctHashes()).isEqualTo(2);
    assertThat(f.repeatedRecords()).isZero(); // h1 3 times < repeat-min-count 5
    // entropy of {3, 1}: -(3/4 log2 3/4 + 1/4 log2 1/4)
    assertThat(f.hashEntropyBits()).isCloseTo(0.8112781, within(1e-6));
    assertThat(f.commits()).isEqualTo(2);
    assertThat(f.activeSecondsCli()).isEqualTo(600);
    assertThat(f.dayTokens(1)).isEqualTo(f.totalTokens());
  }

  @Test
  void weeksAreMondayStartInTheZoneAndGapsCrossThem() {
    FeatureExtractor x = new FeatureExtractor(CONFIG, null, null);
    LocalDate sunday = WEEK.plusDays(6);
    x.accept(usage("a", at(sunday, 23, 59, 50), 10, null));
    x.accept(usage("b", at(WEEK.plusDays(7), 0, 0, 5), 10, null)); // 15 s later, next week
    List<WeekFeatures> fs = x.features();
    assertThat(fs).extracting(WeekFeatures::week).containsExactly(WEEK, WEEK.plusWeeks(1));
    assertThat(fs.get(1).gapCount()).isEqualTo(1);
    assertThat(fs.get(1).gapSum()).isEqualTo(15.0);
  }

  @Test
  void preSnapshotWindowCountsTheHoursBeforeTheSnapshotDay() {
    // Friday snapshot, 48 h window: Wednesday 00:00 .. Friday 00:00 local.
    assertThat(GuardWeeks.beforeSnapshot(LocalDateTime.of(2026, 3, 4, 0, 0), DayOfWeek.FRIDAY, 48)).isTrue();
    assertThat(GuardWeeks.beforeSnapshot(LocalDateTime.of(2026, 3, 3, 23, 59, 59), DayOfWeek.FRIDAY, 48)).isFalse();
    assertThat(GuardWeeks.beforeSnapshot(LocalDateTime.of(2026, 3, 5, 23, 59), DayOfWeek.FRIDAY, 48)).isTrue();
    assertThat(GuardWeeks.beforeSnapshot(LocalDateTime.of(2026, 3, 6, 0, 0), DayOfWeek.FRIDAY, 48)).isFalse();
    // Monday snapshot: the window is the weekend before it
    assertThat(GuardWeeks.beforeSnapshot(LocalDateTime.of(2026, 3, 8, 12, 0), DayOfWeek.MONDAY, 24)).isTrue();
  }

  @Test
  void repeatedPromptsAreCountedFromTheThreshold() {
    FeatureExtractor x = new FeatureExtractor(CONFIG.with(Map.of("repeat-min-count", "3")), null, null);
    for (int i = 0; i < 6; i++) x.accept(usage("r" + i, at(WEEK, 9, i, 0), 100, i < 4 ? "same" : "u" + i));
    WeekFeatures f = x.features().getFirst();
    assertThat(f.repeatedRecords()).isEqualTo(4);
    assertThat(f.repeatedShare()).isCloseTo(4 / 6.0, within(1e-9));
  }
}
