package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.analyze.UsageAggregator;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.Dimension;
import io.tokenmaxx.storage.UsageQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One batch of 100k records is stored whole, and sums stay exact. */
public abstract class ITLargeBatch extends StorageTest {

  @Test
  void aHundredThousandRecordsInOneBatch() {
    List<UsageRecord> records = Records.usage(100_000L, 100_000);
    storage.usageConsumer().accept(records);

    assertThat(storage.usageStore().countUsage()).isEqualTo(100_000);
    UsageQuery byModel = UsageQuery.builder().groupBy(Dimension.MODEL).build();
    assertThat(Records.normalAggregates(storage.usageStore().aggregate(byModel)))
        .isEqualTo(Records.normalAggregates(UsageAggregator.aggregate(byModel, records)));

    storage.usageConsumer().accept(records); // all ids already stored: replaced, not added
    assertThat(storage.usageStore().countUsage()).isEqualTo(100_000);
  }
}
