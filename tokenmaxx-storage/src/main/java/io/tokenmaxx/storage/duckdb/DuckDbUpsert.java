package io.tokenmaxx.storage.duckdb;

import io.tokenmaxx.storage.jdbc.GroupCommitWriter;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * One write transaction into a table keyed by id: the records go through the Appender into a
 * connection-local staging table, then one set-based statement moves them. Most batches carry only
 * new ids, so a plain INSERT is tried first; if an id is already stored, the transaction is rolled
 * back and redone with INSERT OR REPLACE (measured in RATIONALE.md). The Appender never writes to
 * the keyed table itself: one that fails on a duplicate key part-way leaves rows behind.
 */
final class DuckDbUpsert<T> implements GroupCommitWriter.Transaction<T> {

  /** Appends one record as a row, every column in table order. */
  interface RowAppender<T> {
    void append(DuckDBAppender appender, T record) throws SQLException;
  }

  private final DuckDBConnection connection;
  private final String table;
  private final String staging;
  private final RowAppender<T> rows;
  private final io.tokenmaxx.storage.jdbc.RollupHook rollups;

  /**
   * @param connection the writer's own connection, auto-commit off
   * @param rollups    keeps derived tables in step, in the same transaction
   */
  DuckDbUpsert(DuckDBConnection connection, String table, RowAppender<T> rows,
      io.tokenmaxx.storage.jdbc.RollupHook rollups) throws SQLException {
    this.connection = connection;
    this.table = table;
    this.staging = table + "_staging";
    this.rows = rows;
    this.rollups = rollups;
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE " + staging + " AS SELECT * FROM " + table + " LIMIT 0");
    }
    connection.commit();
  }

  @Override
  public void write(List<T> records) throws SQLException {
    boolean inserted = false;
    try {
      move(records, "INSERT INTO ");
      inserted = true;
    } catch (SQLException e) {
      rollback(e);
      if (!DuckDbErrors.isDuplicateKey(e)) throw e;
    } catch (RuntimeException e) {
      rollback(e);
      throw e;
    }
    if (inserted) {
      rollups.afterCommit(connection);
      return;
    }
    try {
      move(records, "INSERT OR REPLACE INTO ");
    } catch (SQLException | RuntimeException e) {
      rollback(e);
      throw e;
    }
    rollups.afterCommit(connection);
  }

  private void move(List<T> records, String insert) throws SQLException {
    // An Appender that failed part-way can leave flushed rows behind even after a rollback
    // (seen with DuckDB 2.0): start from an empty staging table, whatever happened before.
    try (Statement s = connection.createStatement()) {
      s.execute("DELETE FROM " + staging);
    }
    try (DuckDBAppender appender = connection.createAppender("temp", "main", staging)) {
      for (T r : records) {
        appender.beginRow();
        rows.append(appender, r);
        appender.endRow();
      }
    }
    boolean replace = !insert.equals("INSERT INTO ");
    rollups.beforeMove(connection, staging, replace);
    // A failed DuckDB statement closes its Statement: one per statement, never reused.
    try (Statement s = connection.createStatement()) {
      s.execute(insert + table + " SELECT * FROM " + staging);
    }
    rollups.afterMove(connection, staging);
    try (Statement s = connection.createStatement()) {
      s.execute("DELETE FROM " + staging);
    }
    connection.commit();
  }

  private void rollback(Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
