package io.tokenmaxx.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.analyze.store.PersonStats;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaderboardAdjustmentTest {
  static PersonStats p(String id, String value) {
    return new PersonStats(id, 100, BigDecimal.ONE, 1, 1, List.of("x"), 1, 0, 0, 0, 0, 0, 0, 0, 0,
        value == null ? null : new BigDecimal(value), 99);
  }

  @Test
  void rerankSortsHighestFirstAndTiesShareARank() {
    List<PersonStats> r = LeaderboardAdjustment.rerank(List.of(p("a", "1"), p("b", "5.0"), p("c", "5"), p("d", null), p("e", "3")));
    assertThat(r).extracting(PersonStats::person).containsExactly("b", "c", "e", "a", "d");
    assertThat(r).extracting(PersonStats::rank).containsExactly(1, 1, 3, 4, 5);
  }

  @Test
  void withValueKeepsEverythingElse() {
    PersonStats s = LeaderboardAdjustment.withValue(p("a", "1"), new BigDecimal("7.5"));
    assertThat(s.value()).isEqualByComparingTo("7.5");
    assertThat(s.person()).isEqualTo("a");
    assertThat(s.tokens()).isEqualTo(100);
  }
}
