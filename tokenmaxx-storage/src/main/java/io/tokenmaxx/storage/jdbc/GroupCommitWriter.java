package io.tokenmaxx.storage.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The single writer of a store, with group commit: callers on many threads hand in batches; whichever
 * caller holds the write lock takes every batch queued so far (up to {@code maxGroupRecords}) and
 * writes them in one transaction, so concurrent small batches share one upsert and one commit (one
 * fsync). Each caller returns once its own batch is committed, or throws. If a group fails, its
 * batches are retried one by one, so one bad batch fails alone and takes no other with it.
 *
 * <p>Within a group a record id seen twice keeps its last copy (batches in arrival order), which
 * is what replacing it in two transactions in that order would leave.
 */
public final class GroupCommitWriter<T> {

  /** Writes records with distinct ids and commits them, or rolls back and throws. */
  @FunctionalInterface
  public interface Transaction<T> {
    void write(List<T> records) throws SQLException;
  }

  private static final class Pending<T> {
    final List<T> records;
    volatile boolean done;
    RuntimeException failure;

    Pending(List<T> records) {
      this.records = records;
    }
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final ConcurrentLinkedQueue<Pending<T>> queue = new ConcurrentLinkedQueue<>();
  private final Transaction<T> transaction;
  private final Function<T, String> idOf;
  private final Function<SQLException, RuntimeException> onError;
  private final int maxGroupRecords;

  /**
   * @param onError turns a database error into the exception callers see (naming the store)
   */
  public GroupCommitWriter(Transaction<T> transaction, Function<T, String> idOf,
      Function<SQLException, RuntimeException> onError, int maxGroupRecords) {
    if (maxGroupRecords < 1) throw new IllegalArgumentException("maxGroupRecords must be >= 1");
    this.transaction = transaction;
    this.idOf = idOf;
    this.onError = onError;
    this.maxGroupRecords = maxGroupRecords;
  }

  /** Writes the batch (already checked) durably; returns once committed. */
  public void write(List<T> batch) {
    if (batch.isEmpty()) return;
    Pending<T> mine = new Pending<>(batch);
    queue.add(mine);
    while (!mine.done) {
      lock.lock();
      try {
        if (!mine.done) writeQueued();
      } finally {
        lock.unlock();
      }
    }
    if (mine.failure != null) throw mine.failure;
  }

  /**
   * Runs {@code body} while this writer writes nothing (it holds the write lock), for work that
   * updates the same table from another connection, such as re-attributing records.
   */
  public <R> R exclusive(java.util.function.Supplier<R> body) {
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }

  /** Batches waiting for the writer (for tests and metrics). */
  int queued() {
    return queue.size();
  }

  private void writeQueued() {
    List<Pending<T>> group = new ArrayList<>();
    int records = 0;
    Pending<T> p;
    while (records < maxGroupRecords && (p = queue.poll()) != null) {
      group.add(p);
      records += p.records.size();
    }
    if (group.isEmpty()) return;
    RuntimeException failure = writeAll(group);
    if (failure == null || group.size() == 1) {
      finish(group, failure);
      return;
    }
    for (Pending<T> one : group) finish(List.of(one), writeAll(List.of(one)));
  }

  private RuntimeException writeAll(List<Pending<T>> group) {
    try {
      transaction.write(lastCopies(group));
      return null;
    } catch (SQLException e) {
      return onError.apply(e);
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static <T> void finish(List<Pending<T>> group, RuntimeException failure) {
    for (Pending<T> p : group) {
      p.failure = failure;
      p.done = true;
    }
  }

  /** The records of the group, each id once, keeping the copy that came last. */
  private List<T> lastCopies(List<Pending<T>> group) {
    int size = 0;
    for (Pending<T> p : group) size += p.records.size();
    Set<String> seen = new HashSet<>(Math.max(16, size * 4 / 3 + 1));
    List<T> out = new ArrayList<>(size);
    for (int g = group.size() - 1; g >= 0; g--) {
      List<T> records = group.get(g).records;
      for (int i = records.size() - 1; i >= 0; i--) {
        T r = records.get(i);
        if (seen.add(idOf.apply(r))) out.add(r);
      }
    }
    Collections.reverse(out);
    return out;
  }
}
