package io.tokenmaxx.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class GroupCommitWriterTest {
  /** A stand-in transaction: records what it committed, refuses groups containing "bad". */
  static final class Recording implements GroupCommitWriter.Transaction<String> {
    final List<List<String>> commits = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch firstStarted = new CountDownLatch(1);
    final CountDownLatch releaseFirst = new CountDownLatch(1);
    final AtomicBoolean first = new AtomicBoolean(true);

    @Override
    public void write(List<String> records) throws SQLException {
      if (first.getAndSet(false)) {
        firstStarted.countDown();
        try {
          releaseFirst.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (records.stream().anyMatch(r -> r.startsWith("bad"))) throw new SQLException("refused " + records);
      commits.add(List.copyOf(records));
    }
  }

  private static GroupCommitWriter<String> writer(Recording tx) {
    return new GroupCommitWriter<>(tx, r -> r.split("=")[0], e -> new IllegalStateException(e.getMessage(), e), 1000);
  }

  @Test
  void batchesQueuedWhileAWriteIsRunningShareOneTransaction() throws Exception {
    Recording tx = new Recording();
    GroupCommitWriter<String> w = writer(tx);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<?> blocker = pool.submit(() -> w.write(List.of("a=1")));
      tx.firstStarted.await();
      Future<?> b = pool.submit(() -> w.write(List.of("b=1", "c=1")));
      Future<?> c = pool.submit(() -> w.write(List.of("c=2", "d=1")));
      awaitQueued(w, 2);
      tx.releaseFirst.countDown();
      blocker.get();
      b.get();
      c.get();
    } finally {
      pool.shutdownNow();
    }
    assertThat(tx.commits).hasSize(2);
    assertThat(tx.commits.get(1)).hasSize(3).contains("b=1", "d=1")
        .containsAnyOf("c=1", "c=2"); // the later copy of id c, whichever batch came last
  }

  @Test
  void aFailingBatchFailsAloneWhenGrouped() throws Exception {
    Recording tx = new Recording();
    GroupCommitWriter<String> w = writer(tx);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<?> blocker = pool.submit(() -> w.write(List.of("a=1")));
      tx.firstStarted.await();
      Future<?> good = pool.submit(() -> w.write(List.of("g=1")));
      Future<?> bad = pool.submit(() -> w.write(List.of("bad=1")));
      awaitQueued(w, 2);
      tx.releaseFirst.countDown();
      blocker.get();
      good.get();
      assertThatThrownBy(bad::get).hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("refused");
    } finally {
      pool.shutdownNow();
    }
    assertThat(tx.commits).contains(List.of("a=1"), List.of("g=1"));
  }

  private static void awaitQueued(GroupCommitWriter<String> w, int n) throws InterruptedException {
    while (w.queued() < n) Thread.sleep(1);
  }

  @Test
  void theLastCopyOfAnIdInABatchWins() {
    Recording tx = new Recording();
    tx.first.set(false);
    writer(tx).write(List.of("x=1", "y=1", "x=2", "x=3"));
    assertThat(tx.commits).containsExactly(List.of("y=1", "x=3"));
  }
}
