package io.tokenmaxx.bench.importers;

import io.tokenmaxx.collect.vendor.IdentityLink;
import io.tokenmaxx.collect.vendor.ImportSink;
import io.tokenmaxx.importer.PrecedenceReconciler;
import io.tokenmaxx.importer.SourcePrecedence;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.StorageComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the server's import sink does, without the HTTP server around it: per-event records and
 * outcomes straight into the store's writers, daily aggregates kept raw and stored as the
 * complement of finer sources when their day is complete (the store's precedence), and a re-read
 * day's deletions. No attribution (an empty directory would leave every record unattributed anyway).
 */
final class StoringSink implements ImportSink {
  final LongAdder usage = new LongAdder();
  final LongAdder outcomes = new LongAdder();
  private final StorageComponent store;
  private final PrecedenceReconciler reconciler;

  StoringSink(StorageComponent store) {
    this.store = store;
    this.reconciler = new PrecedenceReconciler(SourcePrecedence.defaults(), store.importAggregates(), raw -> raw,
        store.usageConsumer()::accept);
  }

  @Override
  public void accept(List<UsageRecord> u, List<OutcomeRecord> o) {
    List<UsageRecord> fine = new ArrayList<>(u.size());
    List<UsageRecord> daily = new ArrayList<>();
    for (UsageRecord r : u) (reconciler.isAggregate(r) ? daily : fine).add(r);
    if (!daily.isEmpty()) reconciler.putRaw(daily);
    if (!fine.isEmpty()) store.usageConsumer().accept(fine);
    if (!o.isEmpty()) store.outcomeConsumer().accept(o);
    usage.add(u.size());
    outcomes.add(o.size());
  }

  @Override
  public void dayComplete(String stream, LocalDate day, Set<String> ids) {
    reconciler.dayComplete(stream, day, ids);
  }

  @Override
  public void identities(List<IdentityLink> links) {}
}
