package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.analyze.UsageAggregator;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.Dimension;
import io.tokenmaxx.storage.UsageQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Threads ingesting overlapping ids at once leave each id stored once; reads run beside writes. */
public abstract class ITConcurrency extends StorageTest {

  @Test
  void twoThreadsWithOverlappingIds() throws Exception {
    List<UsageRecord> all = Records.usage(77L, 6_000);
    // Thread A sends ids 0..3999, thread B 2000..5999; the overlap carries identical copies.
    List<UsageRecord> a = new ArrayList<>(all.subList(0, 4_000));
    List<UsageRecord> b = new ArrayList<>(all.subList(2_000, 6_000));
    Collections.shuffle(a, new Random(1));
    Collections.shuffle(b, new Random(2));

    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      CountDownLatch start = new CountDownLatch(1);
      Future<?> fa = pool.submit(() -> send(start, a, 97));
      Future<?> fb = pool.submit(() -> send(start, b, 150));
      Future<?> reader = pool.submit(() -> {
        start.await();
        for (int i = 0; i < 20; i++) {
          long n = storage.usageStore().countUsage();
          assertThat(n).isBetween(0L, 6_000L);
          storage.usageStore().aggregate(UsageQuery.builder().groupBy(Dimension.DAY).build());
        }
        return null;
      });
      start.countDown();
      fa.get();
      fb.get();
      reader.get();
    } finally {
      pool.shutdownNow();
    }

    assertThat(storage.usageStore().countUsage()).isEqualTo(6_000);
    UsageQuery q = UsageQuery.builder().groupBy(Dimension.PERSON, Dimension.TOOL).build();
    assertThat(Records.normalAggregates(storage.usageStore().aggregate(q)))
        .isEqualTo(Records.normalAggregates(UsageAggregator.aggregate(q, all)));
  }

  private Void send(CountDownLatch start, List<UsageRecord> records, int batch) throws InterruptedException {
    start.await();
    for (int from = 0; from < records.size(); from += batch) {
      storage.usageConsumer().accept(records.subList(from, Math.min(records.size(), from + batch)));
    }
    return null;
  }
}
