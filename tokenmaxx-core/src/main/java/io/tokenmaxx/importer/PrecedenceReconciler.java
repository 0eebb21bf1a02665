package io.tokenmaxx.importer;

import io.tokenmaxx.model.UsageRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Applies {@link SourcePrecedence} where records are stored: a vendor's daily aggregate is kept
 * with its raw numbers ({@link ImportAggregateStore#putRaw}) and stored as usage only as the
 * complement of what finer sources recorded for the same person, day and model. {@link #reconcile}
 * recomputes one day from scratch — every aggregate of the day against the day's finer sums — and
 * replaces the stored complements; it is run when a stream's day has been read in full, and for
 * the re-read window of every pull so that finer records that arrived late are taken into
 * account. Raw aggregates are attributed again each time ({@code attribute}), so an alias added
 * since moves their complement with them.
 */
public final class PrecedenceReconciler {
  private final SourcePrecedence precedence;
  private final ImportAggregateStore store;
  private final UnaryOperator<List<UsageRecord>> attribute;
  private final Consumer<List<UsageRecord>> usage;
  private final List<String> prefixes;

  /**
   * @param attribute resolves the raw aggregates' identities to people with the current directory
   * @param usage     stores usage records, idempotent on id (replaces the stored copy)
   */
  public PrecedenceReconciler(SourcePrecedence precedence, ImportAggregateStore store,
      UnaryOperator<List<UsageRecord>> attribute, Consumer<List<UsageRecord>> usage) {
    this.precedence = Objects.requireNonNull(precedence, "precedence");
    this.store = Objects.requireNonNull(store, "store");
    this.attribute = Objects.requireNonNull(attribute, "attribute");
    this.usage = Objects.requireNonNull(usage, "usage");
    this.prefixes = precedence.streams().stream().map(AggregateStream::idPrefix).toList();
  }

  /** Whether {@code r} is a daily aggregate of one of the precedence's streams. */
  public boolean isAggregate(UsageRecord r) {
    return precedence.stream(r).isPresent();
  }

  /** Keeps raw aggregates; they reach the usage records at the next {@link #reconcile} of their day. */
  public void putRaw(Collection<UsageRecord> aggregates) {
    for (UsageRecord r : aggregates) {
      if (!isAggregate(r)) throw new IllegalArgumentException("record " + r.id() + " is not a daily aggregate");
    }
    store.putRaw(aggregates);
  }

  /** Recomputes and stores the complements of one UTC day; returns how many aggregate records it stored. */
  public int reconcile(LocalDate day) {
    List<UsageRecord> raw = store.raw(day);
    if (raw.isEmpty()) return 0;
    List<UsageRecord> all = new ArrayList<>(store.finerSums(day, prefixes));
    List<UsageRecord> attributed = attribute.apply(raw);
    all.addAll(attributed);
    List<UsageRecord> complements = precedence.resolveAll(all);
    usage.accept(complements);
    return complements.size();
  }

  /** Deletes what a re-read day of {@code stream} no longer has, then reconciles the day. */
  public long dayComplete(String stream, LocalDate day, java.util.Set<String> ids) {
    long deleted = store.deleteExcept(AggregateStream.ID_PREFIX + stream + ":" + day + ":", day, ids);
    reconcile(day);
    return deleted;
  }
}
