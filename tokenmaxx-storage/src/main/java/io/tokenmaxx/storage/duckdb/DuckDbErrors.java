package io.tokenmaxx.storage.duckdb;

import io.tokenmaxx.storage.StorageException;
import java.sql.SQLException;

/** Turns DuckDB's errors into messages that name the database and say what to do. */
final class DuckDbErrors {
  private DuckDbErrors() {}

  static StorageException opening(String description, SQLException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("Could not set lock") || m.contains("Conflicting lock")) {
      return new StorageException(description + " is locked by another process (" + firstLine(m)
          + "). Only one process may open a DuckDB file for writing: stop that process, or send "
          + "records to the tokenmaxx server that holds it instead of opening the file.", e);
    }
    return new StorageException("cannot open " + description + ": " + firstLine(m), e);
  }

  static StorageException failed(String description, String what, SQLException e) {
    return new StorageException(description + ": could not " + what + ": " + firstLine(String.valueOf(e.getMessage())), e);
  }

  static boolean isDuplicateKey(SQLException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("Duplicate key") || m.contains("violates primary key constraint");
  }

  private static String firstLine(String m) {
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).strip();
  }
}
