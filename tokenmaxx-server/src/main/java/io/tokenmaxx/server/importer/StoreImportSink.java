package io.tokenmaxx.server.importer;

import io.tokenmaxx.collect.otlp.ObservedIdentity;
import io.tokenmaxx.collect.vendor.IdentityLink;
import io.tokenmaxx.collect.vendor.ImportSink;
import io.tokenmaxx.importer.PrecedenceReconciler;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.pipeline.RecordBatch;
import io.tokenmaxx.server.otlp.IdentityLearner;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Where the server's importers put what they read. Finer records (per event, per seat) and
 * outcomes take the ingest path every other record takes (pricing, attribution, the queue) and
 * are durable on return; a vendor's daily aggregates are priced and kept with their
 * raw numbers, and reach the usage records as the complement of finer sources when their day is
 * complete ({@link PrecedenceReconciler}). Identity links teach the directory.
 */
final class StoreImportSink implements ImportSink {
  private static final long COMMIT_TIMEOUT_SECONDS = 120;

  private final Function<RecordBatch, java.util.concurrent.CompletableFuture<Void>> queue;
  private final UnaryOperator<RecordBatch> prepare;
  private final PrecedenceReconciler reconciler;
  private final IdentityLearner learner;

  /**
   * @param queue    puts a batch on the ingest queue; the future completes once it is committed
   * @param prepare  prices a batch (what ingest does before the queue; attribution is the writer's)
   */
  StoreImportSink(Function<RecordBatch, java.util.concurrent.CompletableFuture<Void>> queue,
      UnaryOperator<RecordBatch> prepare, PrecedenceReconciler reconciler, IdentityLearner learner) {
    this.queue = queue;
    this.prepare = prepare;
    this.reconciler = reconciler;
    this.learner = learner;
  }

  @Override
  public void accept(List<UsageRecord> usage, List<OutcomeRecord> outcomes) {
    List<UsageRecord> fine = new ArrayList<>(usage.size());
    List<UsageRecord> aggregates = new ArrayList<>();
    for (UsageRecord r : usage) (reconciler.isAggregate(r) ? aggregates : fine).add(r);
    if (!aggregates.isEmpty()) reconciler.putRaw(prepare.apply(RecordBatch.ofUsage(aggregates)).usage());
    store(new RecordBatch(fine, outcomes));
  }

  @Override
  public void dayComplete(String stream, LocalDate day, Set<String> ids) {
    reconciler.dayComplete(stream, day, ids);
  }

  @Override
  public void identities(List<IdentityLink> links) {
    if (learner == null || links.isEmpty()) return;
    learner.learn(links.stream().map(l -> new ObservedIdentity(l.identities(), Map.of("link", l.what()))).toList());
  }

  /** Prices, queues and waits until committed; a failure is the pull's failure. */
  void store(RecordBatch batch) {
    if (batch.isEmpty()) return;
    try {
      queue.apply(prepare.apply(batch)).get(COMMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not store imported records: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the store did not confirm imported records within "
          + COMMIT_TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while storing imported records", e);
    }
  }
}
