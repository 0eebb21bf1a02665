package io.tokenmaxx.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The substance signals one by one, on hand-made weeks among twenty ordinary ones. */
class SubstanceSignalsTest {
  static final LocalDate W = LocalDate.of(2026, 3, 2);
  static final GoodhartGuard GUARD = new GoodhartGuard(GuardConfig.defaults());

  /** An ordinary week's measurements, changed field by field by the tests. */
  static final class S {
    String person = "s";
    LocalDate week = W;
    long records = 300, tokens = 15_000_000, generated = 300_000, tiny = 60, tinyTokens = 3_000_000;
    double commits = 10;
    long[] dayRecords = {60, 60, 60, 60, 60, 0, 0};
    long[] daySessions = {3, 3, 3, 3, 3, 0, 0};
    int hollow = 0, tools = 2, thin = 0, band = 20;
    long pre = 120, preSessions = 6, shaped = 300, repeatedShapes = 0, spaced = 80, regular = 20;

    WeekFeatures build() {
      Substance s = new Substance(dayRecords, hollow, pre, tools, thin, shaped, repeatedShapes, spaced, regular, band,
          tinyTokens, daySessions, preSessions);
      return new WeekFeatures(person, week, records, records, tokens, generated, tokens / 2, tiny, 40, 9, 0,
          records - 1, (records - 1) * 60.0, (records - 1) * 7200.0, 0, 0, 0, 0, new long[] {3, 3, 3, 3, 3, 0, 0},
          tokens * 2 / 5, commits, 0, 0, 0, 0, 0, s);
    }
  }

  static List<SignalHit> judge(S subject) {
    List<WeekFeatures> all = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      S o = new S();
      o.person = "o" + i;
      o.tokens = 10_000_000 + i * 500_000L;
      all.add(o.build());
    }
    all.add(subject.build());
    return GUARD.evaluate(all, Set.of(), W, W.plusWeeks(1), Instant.EPOCH).stream()
        .filter(f -> f.person().equals("s")).findFirst().map(GuardFlag::signals).orElse(List.of());
  }

  static List<Signal> signals(S s) {
    return judge(s).stream().map(SignalHit::signal).toList();
  }

  @Test
  void anOrdinaryWeekRaisesNothing() {
    assertThat(judge(new S())).isEmpty();
  }

  @Test
  void hollowDaysFlagEvenAtTinyVolume() {
    S s = new S();
    s.records = 6;
    s.tokens = 900;
    s.generated = 20;
    s.tiny = 6;
    s.dayRecords = new long[] {1, 1, 1, 1, 1, 1, 0};
    s.hollow = 6;
    s.commits = 0;
    List<SignalHit> hits = judge(s);
    assertThat(hits).extracting(SignalHit::signal).contains(Signal.HOLLOW_DAYS);
    assertThat(hits.getFirst().summary()).contains("6 of 6 active days had only near-empty requests");
    s.hollow = 1;
    assertThat(signals(s)).doesNotContain(Signal.HOLLOW_DAYS);
  }

  @Test
  void thinToolsFlagBreadthWithoutUse() {
    S s = new S();
    s.tools = 6;
    s.thin = 4;
    assertThat(signals(s)).containsExactly(Signal.THIN_TOOLS);
    assertThat(judge(s).getFirst().summary()).contains("4 of 6 tools were used only for near-empty requests");
    s.thin = 1;
    assertThat(judge(s)).isEmpty();
  }

  @Test
  void aRepeatedPromptSizeIsAReplayWhateverElseTheWeekHolds() {
    S s = new S();
    s.repeatedShapes = 65;
    assertThat(signals(s)).containsExactly(Signal.REPEATED_SHAPE);
    s.repeatedShapes = 9;
    assertThat(judge(s)).isEmpty();
  }

  @Test
  void paddedVolumeNeedsMostTokensInEmptyRequestsAndRealVolume() {
    S s = new S();
    s.tokens = 40_000_000;
    s.tinyTokens = 30_000_000;
    s.tiny = 150;
    assertThat(signals(s)).containsExactly(Signal.PADDED_VOLUME);
    S small = new S();
    small.tokens = 2_000_000;
    small.tinyTokens = 1_800_000;
    assertThat(signals(small)).as("under half the organization's usual week").doesNotContain(Signal.PADDED_VOLUME);
  }

  @Test
  void aTimersRhythmIsWeakAloneAndFlagsBesideNearEmptyRequests() {
    S s = new S();
    s.regular = 60;
    assertThat(judge(s)).isEmpty();
    s.tiny = 250;
    s.tinyTokens = 2_000_000;
    List<SignalHit> hits = judge(s);
    assertThat(hits).extracting(SignalHit::signal).containsExactlyInAnyOrder(Signal.REGULAR_INTERVALS, Signal.NEAR_EMPTY);
    assertThat(hits.stream().filter(h -> h.signal() == Signal.REGULAR_INTERVALS).findFirst().orElseThrow().summary())
        .contains("60 of 80 pauses between requests from one tool lasted between 87 s and 2.3 min");
  }

  @Test
  void noOutcomesIsOnlySupportingEvidence() {
    S s = new S();
    s.commits = 0;
    assertThat(judge(s)).as("0.25 alone").isEmpty();
    s.regular = 60;
    assertThat(judge(s)).as("0.5 + 0.25").isEmpty();
  }
}
