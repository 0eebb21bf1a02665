package io.tokenmaxx.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreaksTest {
  static final LocalDate NOW = LocalDate.of(2026, 3, 30);

  @Test
  void currentStreakSurvivesTheOpenWeek() {
    Set<LocalDate> weeks = Set.of(NOW.minusWeeks(1), NOW.minusWeeks(2), NOW.minusWeeks(3), NOW.minusWeeks(6),
        NOW.minusWeeks(7), NOW.minusWeeks(8), NOW.minusWeeks(9));
    Streaks s = Streaks.of(weeks, NOW);
    assertThat(s.currentStreak()).isEqualTo(3);
    assertThat(s.longestStreak()).isEqualTo(4);
    assertThat(s.weeks()).isEqualTo(7);
    assertThat(s.lastWeek()).isEqualTo(NOW.minusWeeks(1));
    assertThat(Streaks.of(Set.of(NOW, NOW.minusWeeks(1)), NOW).currentStreak()).isEqualTo(2);
    assertThat(Streaks.of(Set.of(NOW.minusWeeks(2)), NOW).currentStreak()).isZero();
    assertThat(Streaks.of(Set.of(), NOW)).isEqualTo(Streaks.NONE);
  }
}
