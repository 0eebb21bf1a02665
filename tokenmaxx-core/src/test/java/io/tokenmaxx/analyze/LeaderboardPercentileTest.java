package io.tokenmaxx.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LeaderboardPercentileTest {
  /** Negated ranks, sorted ascending, as the leaderboard builds them. */
  private static int[] places(int... ranks) {
    return Arrays.stream(ranks).map(r -> -r).sorted().toArray();
  }

  @Test
  void aPlaceCountsEveryoneAtOrBelowIt() {
    int[] p = places(1, 1, 3, 4);
    assertThat(LeaderboardPages.percentile(p, -1)).isEqualTo(1.0);
    assertThat(LeaderboardPages.percentile(p, -3)).isEqualTo(0.5);
    assertThat(LeaderboardPages.percentile(p, -4)).isEqualTo(0.25);
  }

  @Test
  void aDemotedPersonRanksBelowEveryoneShownAboveThemWhateverTheirValue() {
    // Ranked by active days 28 (flagged, moved last), 20, 18: ranks 3, 1, 2.
    int[] p = places(3, 1, 2);
    double demoted = LeaderboardPages.percentile(p, -3);
    assertThat(demoted).isLessThan(LeaderboardPages.percentile(p, -2)).isLessThan(LeaderboardPages.percentile(p, -1));
    assertThat(demoted).isEqualTo(1 / 3.0);
  }

  @Test
  void nobodyRankedIsZero() {
    assertThat(LeaderboardPages.percentile(new int[0], -1)).isZero();
  }
}
