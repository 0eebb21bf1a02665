package io.tokenmaxx.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangedWeeksTest {
  static final LocalDate NOW = LocalDate.of(2026, 3, 2);

  static LocalDate w(int weeksAgo) {
    return NOW.minusWeeks(weeksAgo);
  }

  @Test
  void onlyTheRecentWeeksWhenNothingChanged() {
    Map<LocalDate, String> same = Map.of(w(10), "a", w(1), "b");
    assertThat(ChangedWeeks.toScore(same, same, w(3), NOW.plusWeeks(1), 4))
        .containsExactly(new ChangedWeeks.Range(w(3), NOW.plusWeeks(1)));
  }

  @Test
  void anOldWeekThatReceivedDataIsScoredWithTheWeeksWhoseBaselinesReadIt() {
    Map<LocalDate, String> before = Map.of(w(20), "a", w(1), "b");
    Map<LocalDate, String> now = Map.of(w(20), "a2", w(1), "b", w(12), "new");
    assertThat(ChangedWeeks.toScore(before, now, w(3), NOW.plusWeeks(1), 4)).containsExactly(
        new ChangedWeeks.Range(w(20), w(15)),
        new ChangedWeeks.Range(w(12), w(7)),
        new ChangedWeeks.Range(w(3), NOW.plusWeeks(1)));
    assertThat(ChangedWeeks.changed(before, now)).containsExactly(w(20), w(12));
  }

  @Test
  void aWeekWhoseDataWasRemovedIsScoredAgainAndOverlapsMerge() {
    Map<LocalDate, String> before = Map.of(w(6), "a", w(5), "b");
    Map<LocalDate, String> now = Map.of(w(5), "b");
    assertThat(ChangedWeeks.toScore(before, now, w(3), NOW.plusWeeks(1), 4))
        .containsExactly(new ChangedWeeks.Range(w(6), NOW.plusWeeks(1)));
  }

  @Test
  void theFirstRunScoresAllHistory() {
    Map<LocalDate, String> now = Map.of(w(30), "a", w(2), "b");
    assertThat(ChangedWeeks.toScore(Map.of(), now, w(3), NOW.plusWeeks(1), 1)).containsExactly(
        new ChangedWeeks.Range(w(30), w(28)), new ChangedWeeks.Range(w(3), NOW.plusWeeks(1)));
  }
}
