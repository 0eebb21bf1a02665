package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.StorageComponent;
import io.tokenmaxx.storage.UsageQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What was accepted is there after the store is closed and opened again. */
public abstract class ITRestart extends StorageTest {

  /** Opens the same database again (the one {@code closed} used). */
  protected abstract StorageComponent reopen(StorageComponent closed);

  @Test
  void dataSurvivesCloseAndReopen() {
    List<UsageRecord> usage = Records.usage(9L, 2_000);
    List<OutcomeRecord> outcomes = new ArrayList<>();
    Random rnd = new Random(9);
    for (int i = 0; i < 300; i++) outcomes.add(Records.outcome(rnd, i));
    storage.usageConsumer().accept(usage);
    storage.outcomeConsumer().accept(outcomes);
    storage.close();

    StorageComponent reopened = reopen(storage);
    storage = reopened;
    assertThat(reopened.check().ok()).as(reopened.check().message()).isTrue();
    assertThat(reopened.usageStore().countUsage()).isEqualTo(2_000);
    assertThat(reopened.usageStore().countOutcomes()).isEqualTo(300);
    assertThat(ITIngest.sorted(reopened.usageStore().records(UsageQuery.all(), 5_000)))
        .isEqualTo(ITIngest.sorted(usage));

    reopened.usageConsumer().accept(usage.subList(0, 10)); // still writable, still idempotent
    assertThat(reopened.usageStore().countUsage()).isEqualTo(2_000);
  }
}
