package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.metering.CascadeOutcome;
import io.tokenmaxx.metering.CascadeStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cascade outcomes: stored once per request id, summed per model class within a time range. */
public abstract class ITCascades extends StorageTest {
  static final Instant T = Instant.parse("2026-03-29T00:30:00.123456Z");

  CascadeStore cascades() {
    return storage.cascades();
  }

  @Test
  void sumsPerModelClassInTheRangeAndCountsEachRequestOnce() {
    CascadeOutcome a = new CascadeOutcome("r1", T, "auto", new BigDecimal("0.0001"), new BigDecimal("0.003"), false);
    CascadeOutcome b = new CascadeOutcome("r2", T.plusSeconds(60), "auto", new BigDecimal("0.0041"),
        new BigDecimal("0.004"), true);
    CascadeOutcome c = new CascadeOutcome("r3", T.plusSeconds(120), "cheap-json", new BigDecimal("0.000000000000000001"),
        new BigDecimal("0.5"), false);
    CascadeOutcome late = new CascadeOutcome("r4", T.plusSeconds(3600), "auto", BigDecimal.ONE, BigDecimal.TEN, false);
    cascades().accept(List.of(a, b, c, late));
    cascades().accept(List.of(a, b)); // offered again: no change

    List<CascadeStore.Sum> sums = cascades().sums(T, T.plusSeconds(3600));
    assertThat(sums).hasSize(2);
    CascadeStore.Sum auto = sums.get(0);
    assertThat(auto.modelClass()).isEqualTo("auto");
    assertThat(auto.requests()).isEqualTo(2);
    assertThat(auto.escalated()).isEqualTo(1);
    assertThat(auto.actualCost()).isEqualByComparingTo("0.0042");
    assertThat(auto.strongCost()).isEqualByComparingTo("0.007");
    assertThat(sums.get(1).modelClass()).isEqualTo("cheap-json");
    assertThat(sums.get(1).actualCost()).isEqualByComparingTo("0.000000000000000001");

    assertThat(cascades().sums(T.plusSeconds(3600), T.plusSeconds(7200))).singleElement()
        .satisfies(s -> assertThat(s.strongCost()).isEqualByComparingTo("10"));
    assertThat(cascades().sums(T.minusSeconds(10), T)).isEmpty();
    cascades().accept(List.of());
  }
}
