package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.storage.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.function.Function;

/**
 * Short write transactions outside the record writers (directory, tokens): a connection of their
 * own, committed or rolled back, optionally while the record writers are held idle.
 */
public final class Transactions {

  /** Work inside a transaction. */
  @FunctionalInterface
  public interface Work<R> {
    R run(Connection c) throws SQLException;
  }

  private final ConnectionSource connections;
  private final Function<Supplier<Object>, Object> whileWritersIdle;
  private final String description;

  /**
   * @param whileWritersIdle runs a body while no record writer writes, and returns its result
   */
  public Transactions(ConnectionSource connections, Function<Supplier<Object>, Object> whileWritersIdle,
      String description) {
    this.connections = connections;
    this.whileWritersIdle = whileWritersIdle;
    this.description = description;
  }

  /** Runs {@code work} in a transaction. */
  public <R> R write(String what, Work<R> work) {
    try (Connection c = connections.open()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        R result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StorageException(description + ": could not " + what + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} in a transaction while the record writers are idle. */
  @SuppressWarnings("unchecked")
  public <R> R writeWhileWritersIdle(String what, Work<R> work) {
    return (R) whileWritersIdle.apply(() -> write(what, work));
  }

  /** Runs a read. */
  public <R> R read(String what, Work<R> work) {
    try (Connection c = connections.open()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StorageException(description + ": could not " + what + ": " + e.getMessage(), e);
    }
  }
}
