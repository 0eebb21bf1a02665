package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A batch with one bad value is refused whole, with an error naming the record and the field. */
public abstract class ITBadInput extends StorageTest {

  static Stream<Arguments> badValues() {
    return Stream.of(
        bad("reportedCost", r -> r.toBuilder().reportedCost(new BigDecimal("0.0000000000000000001")).build()),
        bad("computedCost", r -> r.toBuilder().computedCost(new BigDecimal("123456789012345678901")).build()),
        bad("computedCost", r -> r.toBuilder().computedCost(new BigDecimal("-0.01")).build()),
        bad("latencyMs", r -> r.toBuilder().latencyMs(-1L).build()),
        bad("timestamp", r -> r.toBuilder().timestamp(Instant.parse("+10000-01-01T00:00:00Z")).build()),
        bad("timestamp", r -> r.toBuilder().timestamp(Instant.parse("1969-12-31T23:59:59Z")).build()),
        bad("model", r -> r.toBuilder().model("nul\u0000inside").build()),
        bad("project", r -> r.toBuilder().project("broken \uD800 surrogate").build()),
        bad("id", r -> r.toBuilder().id("  ").build()));
  }

  private static Arguments bad(String field, UnaryOperator<UsageRecord> spoil) {
    return Arguments.of(field, spoil);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void oneBadRecordRefusesTheWholeBatch(String field, UnaryOperator<UsageRecord> spoil) {
    storage.usageConsumer().accept(Records.usage(1L, 5)); // already accepted: must stay
    List<UsageRecord> batch = new ArrayList<>(Records.usage(2L, 50).stream()
        .map(r -> r.toBuilder().id("b-" + r.id()).build()).toList());
    batch.set(37, spoil.apply(batch.get(37)));

    assertThatThrownBy(() -> storage.usageConsumer().accept(batch))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("#37")
        .hasMessageContaining(field);

    assertThat(storage.usageStore().countUsage()).isEqualTo(5);
    storage.usageConsumer().accept(batch.subList(0, 37)); // the store still takes good input
    assertThat(storage.usageStore().countUsage()).isEqualTo(5 + 37);
  }

  @Test
  void aNullRecordIsNamed() {
    List<UsageRecord> batch = new ArrayList<>(Records.usage(3L, 3));
    batch.add(1, null);
    assertThatThrownBy(() -> storage.usageConsumer().accept(batch))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#1 is null");
    assertThat(storage.usageStore().countUsage()).isZero();
  }

  @Test
  void aBadOutcomeRefusesItsBatch() {
    OutcomeRecord good = new OutcomeRecord("ok", Instant.parse("2024-01-01T00:00:00Z"), "git", null,
        OutcomeKind.COMMIT, 1, null, null, null, null, null);
    OutcomeRecord bad = new OutcomeRecord("bad", Instant.parse("2024-01-01T00:00:00Z"), "git", null,
        OutcomeKind.COMMIT, 1, null, null, null, null, "x\u0000y");
    assertThatThrownBy(() -> storage.outcomeConsumer().accept(Arrays.asList(good, bad)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#1").hasMessageContaining("detail");
    assertThat(storage.usageStore().countOutcomes()).isZero();
  }
}
