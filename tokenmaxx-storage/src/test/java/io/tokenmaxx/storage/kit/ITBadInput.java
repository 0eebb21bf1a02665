package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RecordLimits;
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

/**
 * A batch with one bad value is refused whole, with an error naming the record and the field; a
 * value that is merely more precise than the store keeps (a cost with 19 decimals) is not bad.
 */
public abstract class ITBadInput extends StorageTest {

  static Stream<Arguments> badValues() {
    return Stream.of(
        bad("reportedCost", r -> r.toBuilder().reportedCost(new BigDecimal("1E+20")).build()),
        bad("inputTokens", r -> r.toBuilder().inputTokens(RecordLimits.MAX_TOKENS + 1).build()),
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

  @Test
  void costsMorePreciseThanStoredAreKeptRoundedHalfEven() {
    UsageRecord base = Records.usage(4L, 1).getFirst();
    String[][] cases = {
        {"0.0011159999999999998", "0.001116"}, // Claude Code's JavaScript sum for a 0.001116 request
        {"0.0000000000000000025", "0.000000000000000002"}, // a tie rounds to the even neighbour
        {"0.0000000000000000035", "0.000000000000000004"},
        {"0.0000000000000000001", "0"},
        {"12345678901234567890.1234567890123456789", "12345678901234567890.123456789012345679"}};
    List<UsageRecord> batch = new ArrayList<>();
    for (int i = 0; i < cases.length; i++) {
      batch.add(base.toBuilder().id("precise-" + i).reportedCost(new BigDecimal(cases[i][0]))
          .computedCost(new BigDecimal(cases[i][0])).build());
    }
    storage.usageConsumer().accept(batch);
    java.util.Map<String, UsageRecord> byId = new java.util.HashMap<>();
    for (UsageRecord r : storage.usageStore().records(io.tokenmaxx.storage.UsageQuery.all(), 100)) byId.put(r.id(), r);
    for (int i = 0; i < cases.length; i++) {
      UsageRecord stored = byId.get("precise-" + i);
      assertThat(stored.reportedCost()).as(cases[i][0]).isEqualByComparingTo(cases[i][1]);
      assertThat(stored.computedCost()).as(cases[i][0]).isEqualByComparingTo(cases[i][1]);
    }
  }
}
