package io.tokenmaxx.pipeline;

import io.tokenmaxx.component.CheckResult;
import io.tokenmaxx.component.Component;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The durable ingest path: transports {@link #submit} batches and get a future that completes only
 * once the batch is committed by the sink — so a client is acknowledged only for what survives a
 * crash. One writer thread drains the queue and merges small batches into large transactions (what
 * the DuckDB Appender needs for throughput). The queue is bounded by records, not batches: when it
 * is full, {@code submit} fails at once with {@link QueueFullException} (back-pressure, never
 * unbounded memory). When a merged write fails, each caller's batch is written again on its own,
 * so that one caller's records never fail another's.
 */
public final class IngestQueue implements Component {

  private record Pending(RecordBatch batch, CompletableFuture<Void> done) {}

  private final Consumer<RecordBatch> sink;
  private final long capacity;
  private final int batchSize;
  private final Duration flushInterval;
  private final IngestMetrics metrics;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final AtomicLong waiting = new AtomicLong();
  private final Object lifecycle = new Object();
  private volatile Thread writer;
  private volatile boolean closing;
  private volatile Throwable lastFailure;

  /**
   * @param sink          writes one merged batch durably (enrich, then store); throws to fail it
   * @param capacity      records allowed to wait before {@code submit} refuses
   * @param batchSize     most records merged into one sink call
   * @param flushInterval how long the writer waits for more records before writing what it has
   */
  public IngestQueue(Consumer<RecordBatch> sink, long capacity, int batchSize,
      Duration flushInterval, IngestMetrics metrics) {
    this.sink = Objects.requireNonNull(sink, "sink");
    if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1");
    if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1");
    this.capacity = capacity;
    this.batchSize = batchSize;
    this.flushInterval = Objects.requireNonNull(flushInterval, "flushInterval");
    this.metrics = metrics == null ? IngestMetrics.NOOP : metrics;
  }

  /**
   * Queues a batch; the future completes when it is committed, or exceptionally when the write
   * failed (the caller should answer with a retryable error).
   *
   * @throws QueueFullException when accepting the batch would exceed the capacity
   * @throws IllegalStateException when the queue is closed
   */
  public CompletableFuture<Void> submit(String transport, RecordBatch batch) {
    if (closing) throw new IllegalStateException("ingest queue is shutting down");
    if (batch.isEmpty()) return CompletableFuture.completedFuture(null);
    startWriter();
    int n = batch.size();
    long now = waiting.addAndGet(n);
    if (now > capacity && now != n) { // a single batch larger than the capacity is still taken
      waiting.addAndGet(-n);
      metrics.rejected(transport, "queue_full", n);
      throw new QueueFullException(now - n, capacity);
    }
    Pending p = new Pending(batch, new CompletableFuture<>());
    queue.add(p);
    metrics.accepted(transport, n);
    metrics.queueDepth(now);
    return p.done;
  }

  /** Records waiting to be written. */
  public long depth() {
    return waiting.get();
  }

  private void startWriter() {
    if (writer != null) return;
    synchronized (lifecycle) {
      if (writer != null) return;
      Thread t = new Thread(this::drainLoop, "tokenmaxx-ingest-writer");
      t.setDaemon(true);
      t.start();
      writer = t;
    }
  }

  private void drainLoop() {
    List<Pending> group = new ArrayList<>();
    try {
      while (!(closing && queue.isEmpty())) {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) continue;
        group.add(first);
        int records = first.batch.size();
        long deadline = System.nanoTime() + flushInterval.toNanos();
        while (records < batchSize) {
          long left = deadline - System.nanoTime();
          Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
          if (next == null) break;
          group.add(next);
          records += next.batch.size();
        }
        write(group, records);
        group.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      for (Pending p : group) p.done.completeExceptionally(e);
    }
    // A submit that raced with close() is refused rather than left waiting forever.
    for (Pending p; (p = queue.poll()) != null; ) {
      waiting.addAndGet(-p.batch.size());
      p.done.completeExceptionally(new IllegalStateException("ingest queue is shutting down"));
    }
  }

  private void write(List<Pending> group, int records) {
    List<UsageRecord> usage = new ArrayList<>(records);
    List<OutcomeRecord> outcomes = new ArrayList<>();
    for (Pending p : group) {
      usage.addAll(p.batch.usage());
      outcomes.addAll(p.batch.outcomes());
    }
    long t0 = System.nanoTime();
    Throwable failure = sink(new RecordBatch(usage, outcomes));
    if (failure != null && group.size() > 1) {
      // The merged write failed: write each caller's batch on its own, so that what one client sent
      // (a record the store refuses) never fails the others' records, and each learns its own outcome.
      for (Pending p : group) {
        long t1 = System.nanoTime();
        Throwable own = sink(p.batch);
        metrics.queueDepth(waiting.addAndGet(-p.batch.size()));
        finish(List.of(p), p.batch.size(), own, t1);
      }
      return;
    }
    // Leave the queue before telling the callers, so a caller sees its records gone from the depth.
    metrics.queueDepth(waiting.addAndGet(-records));
    finish(group, records, failure, t0);
  }

  private Throwable sink(RecordBatch batch) {
    try {
      sink.accept(batch);
      return null;
    } catch (RuntimeException | Error e) {
      return e;
    }
  }

  private void finish(List<Pending> group, int records, Throwable failure, long t0) {
    if (failure == null) {
      metrics.written(records, System.nanoTime() - t0);
      lastFailure = null;
      for (Pending p : group) p.done.complete(null);
    } else {
      // A batch the store refuses for its content says nothing about the store's health.
      if (!(failure instanceof IllegalArgumentException)) lastFailure = failure;
      metrics.writeFailed(records);
      for (Pending p : group) p.done.completeExceptionally(failure);
    }
  }

  @Override
  public CheckResult check() {
    Throwable f = lastFailure;
    if (f != null) return CheckResult.failed("ingest-queue", f);
    if (closing) return CheckResult.failed("ingest-queue", new IllegalStateException("closing"));
    return CheckResult.ok("ingest-queue");
  }

  /** Stops accepting, writes everything already accepted, then returns. */
  @Override
  public void close() {
    closing = true;
    Thread t = writer;
    if (t == null) return;
    try {
      t.join(TimeUnit.MINUTES.toMillis(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
