package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.storage.Dimension;
import io.tokenmaxx.storage.UsageQuery;
import org.junit.jupiter.api.Test;

/** A new store is healthy and answers every read with nothing. */
public abstract class ITEmptyStore extends StorageTest {

  @Test
  void checkIsOk() {
    var result = storage.check();
    assertThat(result.ok()).as(result.message()).isTrue();
  }

  @Test
  void readsAreEmpty() {
    assertThat(storage.usageStore().countUsage()).isZero();
    assertThat(storage.usageStore().countOutcomes()).isZero();
    assertThat(storage.usageStore().aggregate(UsageQuery.all())).isEmpty();
    assertThat(storage.usageStore().aggregate(UsageQuery.builder().groupBy(Dimension.values()).build())).isEmpty();
    assertThat(storage.usageStore().records(UsageQuery.all(), 10)).isEmpty();
    assertThat(storage.usageStore().outcomes(UsageQuery.all(), 10)).isEmpty();
  }

  @Test
  void closeIsIdempotent() {
    storage.close();
    storage.close();
  }
}
