package io.tokenmaxx.storage.postgres;

import io.tokenmaxx.storage.jdbc.GroupCommitWriter;
import io.tokenmaxx.storage.jdbc.Tables;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.BiConsumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One write transaction into a table keyed by id: COPY into a session-local staging table (emptied
 * on commit), then one {@code INSERT ... ON CONFLICT (id) DO UPDATE}. The writer keeps its own
 * connection and opens a new one when the old one broke.
 */
final class PostgresUpsert<T> implements GroupCommitWriter.Transaction<T> {
  private static final int CHUNK = 1 << 16;

  /** Opens a connection with the store's schema on the search path. */
  interface Connector {
    Connection connect() throws SQLException;
  }

  private final Connector connector;
  private final String table;
  private final String staging;
  private final String copy;
  private final String upsert;
  private final BiConsumer<CopyText, T> rows;
  private final io.tokenmaxx.storage.jdbc.RollupHook rollups;
  private Connection connection;

  PostgresUpsert(Connector connector, String table, List<String> columns, BiConsumer<CopyText, T> rows,
      io.tokenmaxx.storage.jdbc.RollupHook rollups) {
    this.connector = connector;
    this.rollups = rollups;
    this.table = table;
    this.staging = table + "_staging";
    this.rows = rows;
    String cols = Tables.columnList(columns);
    this.copy = "COPY " + staging + " (" + cols + ") FROM STDIN";
    this.upsert = "INSERT INTO " + table + " (" + cols + ") SELECT " + cols + " FROM " + staging
        + " ON CONFLICT (id) DO UPDATE SET " + Tables.updateFromExcluded(columns);
  }

  @Override
  public void write(List<T> records) throws SQLException {
    Connection c = connection();
    try {
      CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
      try {
        CopyText text = new CopyText();
        for (T r : records) {
          rows.accept(text, r);
          if (text.length() >= CHUNK) write(in, text.drain());
        }
        write(in, text.drain());
        in.endCopy();
      } finally {
        if (in.isActive()) in.cancelCopy();
      }
      rollups.beforeMove(c, staging, true);
      try (Statement s = c.createStatement()) {
        s.executeUpdate(upsert);
      }
      rollups.afterMove(c, staging);
      c.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (!c.isValid(2)) close();
      throw e;
    }
    rollups.afterCommit(c);
  }

  private static void write(CopyIn in, byte[] bytes) throws SQLException {
    if (bytes.length > 0) in.writeToCopy(bytes, 0, bytes.length);
  }

  private Connection connection() throws SQLException {
    if (connection != null && !connection.isClosed()) return connection;
    Connection c = connector.connect();
    try {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TEMP TABLE IF NOT EXISTS " + staging + " (LIKE " + table
            + " INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
      }
      c.commit();
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    connection = c;
    return c;
  }

  void close() {
    Connection c = connection;
    connection = null;
    if (c == null) return;
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing a broken connection
    }
  }
}
