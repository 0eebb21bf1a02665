package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.UsageQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Consumers are idempotent on id with replace semantics, and durable on return. */
public abstract class ITIngest extends StorageTest {

  @Test
  void sameIdTwiceKeepsOneRowWithTheNewValues() {
    UsageRecord first = Records.usage(new Random(1), 7);
    UsageRecord grown = first.toBuilder().outputTokens(first.outputTokens() + 500)
        .person("late-attributed").computedCost(new BigDecimal("1.25")).build();

    storage.usageConsumer().accept(List.of(first));
    storage.usageConsumer().accept(List.of(grown));

    assertThat(storage.usageStore().countUsage()).isEqualTo(1);
    assertThat(Records.normalUsage(storage.usageStore().records(UsageQuery.all(), 10)))
        .containsExactly(Records.normal(grown));
  }

  @Test
  void duplicateIdsInOneBatchKeepTheLastCopy() {
    UsageRecord a = Records.usage(new Random(2), 1);
    UsageRecord b = a.toBuilder().inputTokens(a.inputTokens() + 1).build();
    UsageRecord c = b.toBuilder().inputTokens(b.inputTokens() + 1).build();

    storage.usageConsumer().accept(List.of(a, b, c));

    assertThat(storage.usageStore().countUsage()).isEqualTo(1);
    assertThat(storage.usageStore().records(UsageQuery.all(), 10).getFirst().inputTokens())
        .isEqualTo(c.inputTokens());
  }

  @Test
  void resendingAWholeBatchChangesNothing() {
    List<UsageRecord> batch = Records.usage(3, 500);
    storage.usageConsumer().accept(batch);
    storage.usageConsumer().accept(batch);

    assertThat(storage.usageStore().countUsage()).isEqualTo(500);
    assertThat(sorted(storage.usageStore().records(UsageQuery.all(), 1000)))
        .isEqualTo(sorted(Records.normalUsage(batch)));
  }

  @Test
  void aBatchMixingNewAndStoredIdsUpsertsBoth() {
    List<UsageRecord> all = Records.usage(4, 300);
    storage.usageConsumer().accept(all.subList(0, 200));
    List<UsageRecord> second = new ArrayList<>();
    for (UsageRecord r : all.subList(100, 300)) second.add(r.toBuilder().requests(r.requests() + 1).build());
    storage.usageConsumer().accept(second);

    List<UsageRecord> expected = new ArrayList<>(all.subList(0, 100));
    expected.addAll(second);
    assertThat(storage.usageStore().countUsage()).isEqualTo(300);
    assertThat(sorted(storage.usageStore().records(UsageQuery.all(), 1000)))
        .isEqualTo(sorted(Records.normalUsage(expected)));
  }

  @Test
  void outcomesAreIdempotentToo() {
    OutcomeRecord o = new OutcomeRecord("o-1", Instant.parse("2024-05-01T10:00:00Z"), "otlp",
        "claude-code", OutcomeKind.LINES_ADDED, 12, null, null, null, null, null);
    storage.outcomeConsumer().accept(List.of(o));
    OutcomeRecord replaced = new OutcomeRecord("o-1", o.timestamp(), "otlp", "claude-code",
        OutcomeKind.LINES_ADDED, 40, "ana", null, "s-1", "web", null);
    storage.outcomeConsumer().accept(List.of(replaced, replaced));

    assertThat(storage.usageStore().countOutcomes()).isEqualTo(1);
    assertThat(storage.usageStore().outcomes(UsageQuery.all(), 10)).containsExactly(replaced);
  }

  @Test
  void anEmptyBatchIsAccepted() {
    storage.usageConsumer().accept(List.of());
    storage.outcomeConsumer().accept(List.of());
    assertThat(storage.usageStore().countUsage()).isZero();
  }

  static List<UsageRecord> sorted(List<UsageRecord> records) {
    return records.stream().map(Records::normal).sorted(Comparator.comparing(UsageRecord::id)).toList();
  }
}
