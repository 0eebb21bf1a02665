package io.tokenmaxx.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.model.UsageRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IngestQueueTest {

  static RecordBatch batch(int n, String prefix) {
    List<UsageRecord> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(UsageRecord.builder().id(prefix + i).timestamp(Instant.EPOCH).source("test")
          .tool("t").inputTokens(1).build());
    }
    return RecordBatch.ofUsage(list);
  }

  @Test
  void completesOnlyAfterTheSinkCommitted() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<RecordBatch> written = new CopyOnWriteArrayList<>();
    try (IngestQueue q = new IngestQueue(b -> {
      await(release);
      written.add(b);
    }, 1000, 100, Duration.ofMillis(5), null)) {
      CompletableFuture<Void> f = q.submit("test", batch(3, "a"));
      Thread.sleep(50);
      assertThat(f).isNotDone();
      release.countDown();
      f.get(5, TimeUnit.SECONDS);
      assertThat(written).hasSize(1);
      assertThat(written.getFirst().usage()).hasSize(3);
    }
  }

  @Test
  void mergesSmallBatchesIntoOneWrite() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    List<Integer> sizes = new CopyOnWriteArrayList<>();
    try (IngestQueue q = new IngestQueue(b -> {
      entered.countDown();
      await(release);
      sizes.add(b.size());
    }, 10_000, 1000, Duration.ofMillis(5), null)) {
      CompletableFuture<Void> first = q.submit("test", batch(1, "first"));
      await(entered); // the writer now holds "first" inside the sink
      List<CompletableFuture<Void>> rest = new ArrayList<>();
      for (int i = 0; i < 10; i++) rest.add(q.submit("test", batch(10, "b" + i + "-")));
      release.countDown();
      first.get(5, TimeUnit.SECONDS);
      for (CompletableFuture<Void> f : rest) f.get(5, TimeUnit.SECONDS);
      assertThat(sizes).containsExactly(1, 100);
    }
  }

  @Test
  void refusesWhenFullWithoutLosingWhatWasAccepted() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<RecordBatch> written = new CopyOnWriteArrayList<>();
    try (IngestQueue q = new IngestQueue(b -> {
      await(release);
      written.add(b);
    }, 10, 1000, Duration.ofMillis(1), null)) {
      CompletableFuture<Void> a = q.submit("test", batch(6, "a"));
      assertThatThrownBy(() -> q.submit("test", batch(6, "b")))
          .isInstanceOf(QueueFullException.class)
          .hasMessageContaining("retry later");
      assertThat(q.depth()).isEqualTo(6);
      release.countDown();
      a.get(5, TimeUnit.SECONDS);
      assertThat(written.stream().mapToInt(RecordBatch::size).sum()).isEqualTo(6);
      assertThat(q.depth()).isZero();
    }
  }

  @Test
  void aFailedWriteFailsItsCallersAndTheQueueRecovers() throws Exception {
    List<RecordBatch> written = new CopyOnWriteArrayList<>();
    boolean[] fail = {true};
    try (IngestQueue q = new IngestQueue(b -> {
      if (fail[0]) throw new IllegalStateException("disk full");
      written.add(b);
    }, 100, 10, Duration.ofMillis(1), null)) {
      CompletableFuture<Void> f = q.submit("test", batch(2, "a"));
      assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).hasMessageContaining("disk full");
      assertThat(q.check().ok()).isFalse();
      fail[0] = false;
      q.submit("test", batch(2, "a")).get(5, TimeUnit.SECONDS);
      assertThat(q.check().ok()).isTrue();
      assertThat(written).hasSize(1);
    }
  }

  /**
   * Batches of several callers merged into one write: when the store refuses one caller's record,
   * that caller's batch fails on its own (with the store's reason) and the others are written; a
   * refusal of content does not mark the queue unhealthy.
   */
  @Test
  void oneCallersRefusedRecordDoesNotFailTheOthersMergedWithIt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    List<String> stored = new CopyOnWriteArrayList<>();
    try (IngestQueue q = new IngestQueue(b -> {
      entered.countDown();
      await(release);
      for (UsageRecord r : b.usage()) {
        if (r.id().startsWith("bad")) throw new IllegalArgumentException("usage record (id '" + r.id() + "'): refused");
      }
      for (UsageRecord r : b.usage()) stored.add(r.id());
    }, 10_000, 1000, Duration.ofMillis(20), null)) {
      CompletableFuture<Void> first = q.submit("test", batch(1, "first"));
      await(entered); // the writer holds "first"; the next three are merged into one write
      CompletableFuture<Void> good1 = q.submit("test", batch(3, "good1-"));
      CompletableFuture<Void> bad = q.submit("test", batch(2, "bad"));
      CompletableFuture<Void> good2 = q.submit("test", batch(4, "good2-"));
      release.countDown();
      first.get(5, TimeUnit.SECONDS);
      good1.get(5, TimeUnit.SECONDS);
      good2.get(5, TimeUnit.SECONDS);
      assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(IllegalArgumentException.class).hasMessageContaining("id 'bad0'");
      assertThat(stored).containsExactlyInAnyOrder("first0", "good1-0", "good1-1", "good1-2",
          "good2-0", "good2-1", "good2-2", "good2-3");
      assertThat(q.check().ok()).isTrue();
      assertThat(q.depth()).isZero();
    }
  }

  @Test
  void closeWritesEverythingAcceptedThenRefuses() throws Exception {
    List<RecordBatch> written = new CopyOnWriteArrayList<>();
    IngestQueue q = new IngestQueue(b -> {
      sleep(20);
      written.add(b);
    }, 10_000, 5, Duration.ofMillis(1), null);
    List<CompletableFuture<Void>> fs = new ArrayList<>();
    for (int i = 0; i < 20; i++) fs.add(q.submit("test", batch(5, "c" + i + "-")));
    q.close();
    for (CompletableFuture<Void> f : fs) assertThat(f).isCompleted().isNotCompletedExceptionally();
    assertThat(written.stream().mapToInt(RecordBatch::size).sum()).isEqualTo(100);
    assertThatThrownBy(() -> q.submit("test", batch(1, "late")))
        .isInstanceOf(IllegalStateException.class);
  }

  private static void await(CountDownLatch l) {
    try {
      l.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
