package io.tokenmaxx.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GoodhartGuardTest {
  static final LocalDate W = LocalDate.of(2026, 3, 2);
  static final GoodhartGuard GUARD = new GoodhartGuard(GuardConfig.defaults());

  /** An ordinary busy engineer week: office hours, human gaps, unique prompts, commits. */
  static final class F {
    String person = "p";
    LocalDate week = W;
    long records = 400, tokens = 20_000_000, generated = 400_000, cacheRead = 15_000_000, tiny = 0;
    int hours = 20, maxDay = 6;
    long gaps = 380;
    double gapMean = 40, gapCv = 1.0;
    long hashed = 400, distinct = 400, repeated = 0;
    long[] days = {4_000_000, 4_000_000, 4_000_000, 4_000_000, 4_000_000, 0, 0};
    long pre = 8_000_000;
    double commits = 15, prs = 4, user = 20_000, cli = 20_000;

    WeekFeatures build() {
      double sum = gaps * gapMean;
      double sq = gaps * (gapMean * gapMean * (1 + gapCv * gapCv));
      return new WeekFeatures(person, week, records, records, tokens, generated, cacheRead, tiny, hours, maxDay, 0,
          gaps, sum, sq, hashed, distinct, repeated, Math.log(Math.max(1, distinct)) / Math.log(2), days, pre,
          commits, prs, 0, 0, user, cli);
    }
  }

  /** Twenty ordinary people so the organization has a baseline, plus the one under test. */
  static List<GuardFlag> judge(F subject, boolean checkedIn) {
    List<WeekFeatures> all = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      F o = new F();
      o.person = "o" + i;
      o.tokens = 10_000_000 + i * 1_000_000L;
      all.add(o.build());
    }
    subject.person = "s";
    all.add(subject.build());
    Set<PersonWeek> checked = checkedIn ? Set.of(new PersonWeek("s", W)) : Set.of();
    return GUARD.evaluate(all, checked, W, W.plusWeeks(1), Instant.EPOCH).stream().filter(f -> f.person().equals("s")).toList();
  }

  static Set<Signal> signals(List<GuardFlag> flags) {
    return flags.isEmpty() ? Set.of() : Set.copyOf(flags.getFirst().signals().stream().map(SignalHit::signal).toList());
  }

  @Test
  void anOrdinaryBusyWeekIsNotFlagged() {
    assertThat(judge(new F(), false)).isEmpty();
  }

  @Test
  void tooLittleActivityIsNeverJudged() {
    F f = new F();
    f.records = 50;
    f.gapCv = 0.01;
    assertThat(judge(f, false)).isEmpty();
  }

  @Test
  void machineCadenceIsWeakAlone() {
    F f = new F();
    f.gapCv = 0.05;
    // a regular job with real output is not gaming: cadence alone raises nothing
    assertThat(judge(f, false)).isEmpty();
    f.tiny = 360;
    f.generated = 40_000;
    f.cacheRead = 2_000_000;
    List<GuardFlag> flags = judge(f, false);
    assertThat(signals(flags)).containsExactlyInAnyOrder(Signal.MACHINE_CADENCE, Signal.NEAR_EMPTY);
    SignalHit hit = flags.getFirst().signals().stream().filter(h -> h.signal() == Signal.MACHINE_CADENCE).findFirst().orElseThrow();
    assertThat(hit.summary()).contains("380 gaps").contains("5.0%");
    assertThat(hit.evidence()).containsEntry("maxCv", 0.15).containsKey("gapCv");
  }

  @Test
  void roundTheClockByDayOrByWeek() {
    F day = new F();
    day.maxDay = 22;
    assertThat(signals(judge(day, false))).containsExactly(Signal.ROUND_THE_CLOCK);
    F week = new F();
    week.hours = 100;
    assertThat(signals(judge(week, false))).containsExactly(Signal.ROUND_THE_CLOCK);
  }

  @Test
  void repetition() {
    F f = new F();
    f.repeated = 300;
    f.distinct = 12;
    assertThat(signals(judge(f, false))).containsExactly(Signal.REPETITION);
  }

  @Test
  void cacheLoopNeedsTinyOutputsAndAHugeRereadRatio() {
    F f = new F();
    f.tiny = 390;
    f.generated = 8_000;
    assertThat(signals(judge(f, false))).containsExactlyInAnyOrder(Signal.CACHE_LOOP, Signal.NEAR_EMPTY);
    F bigOutputs = new F();
    bigOutputs.tiny = 390;
    assertThat(judge(bigOutputs, false)).isEmpty();
  }

  @Test
  void volumeWithoutOutcomesIsWeakAloneAndAnsweredByACheckIn() {
    F f = new F();
    f.tokens = 200_000_000;
    f.commits = 0;
    f.prs = 0;
    // heavy use with little to show is what big-context work looks like too: alone it raises nothing
    assertThat(judge(f, false)).isEmpty();
    // beside unattended agent hours it flags
    f.cli = 90_000;
    f.user = 1_000;
    assertThat(signals(judge(f, false))).containsExactlyInAnyOrder(Signal.VOLUME_WITHOUT_OUTCOMES, Signal.HEADLESS);
    // and outcomes in proportion clear it
    f.commits = 150;
    f.prs = 40;
    assertThat(judge(f, false)).isEmpty();
  }

  @Test
  void weakSignalsFlagOnlyTogether() {
    F f = new F();
    f.tokens = 200_000_000;
    f.commits = 0;
    f.prs = 0;
    f.cli = 90_000;
    f.user = 1_000;
    List<GuardFlag> flags = judge(f, true);
    assertThat(signals(flags)).containsExactlyInAnyOrder(Signal.LOW_YIELD, Signal.HEADLESS);
    assertThat(flags.getFirst().score()).isEqualTo(1.0);
  }

  @Test
  void spikeBeforeTheSnapshotAgainstThePersonsOwnUsualDays() {
    F f = new F();
    f.days = new long[] {2_000_000, 2_000_000, 2_000_000, 60_000_000, 40_000_000, 0, 0};
    f.tokens = 106_000_000;
    f.pre = 100_000_000;
    f.commits = 40; // plenty of outcomes: only the spike should fire
    List<GuardFlag> flags = judge(f, false);
    assertThat(signals(flags)).containsExactly(Signal.SNAPSHOT_SPIKE);
    assertThat(flags.getFirst().signals().getFirst().summary()).contains("before the saturday 00:00 snapshot");
    // the same volume spread evenly over the week is no spike
    F even = new F();
    even.days = new long[] {21_000_000, 21_000_000, 21_000_000, 21_000_000, 22_000_000, 0, 0};
    even.tokens = 106_000_000;
    even.pre = 42_000_000;
    even.commits = 40;
    assertThat(judge(even, false)).isEmpty();
  }

  @Test
  void theBaselineWindowOnlyLooksBack() {
    // A week's decision must not change when later weeks are added to the input.
    F f = new F();
    f.tokens = 200_000_000;
    f.commits = 0;
    f.prs = 0;
    f.cli = 90_000; // unattended: with volume and no outcomes, two weak signals
    f.user = 1_000;
    List<WeekFeatures> all = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      F o = new F();
      o.person = "o" + i;
      all.add(o.build());
      F later = new F();
      later.person = "o" + i;
      later.week = W.plusWeeks(1);
      later.tokens = 900_000_000;
      all.add(later.build());
    }
    all.add(f.build());
    List<GuardFlag> flags = GUARD.evaluate(all, Set.of(), W, W.plusWeeks(1), Instant.EPOCH);
    assertThat(flags).extracting(GuardFlag::person).containsExactly("p");
  }
}
