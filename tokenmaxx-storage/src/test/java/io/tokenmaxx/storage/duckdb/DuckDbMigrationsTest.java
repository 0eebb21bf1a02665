package io.tokenmaxx.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.storage.StorageException;
import io.tokenmaxx.storage.jdbc.Migrations;
import io.tokenmaxx.storage.jdbc.Tables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration runner on DuckDB: applies once, records versions, refuses changed or newer schemas. */
class DuckDbMigrationsTest {
  @TempDir Path dir;

  @Test
  void appliesEachScriptOnceAndRecordsIt() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      Migrations m = new Migrations("db/kit-test", "test db");
      assertThat(m.migrate(c)).isEqualTo(2);
      assertThat(m.migrate(c)).isZero();
      assertThat(versions(c)).containsExactly("1 first", "2 second");
      assertThat(query(c, "SELECT x FROM a")).containsExactly("1");
    }
  }

  @Test
  void aChangedScriptIsRefused() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      new Migrations("db/kit-test", "test db").migrate(c);
      assertThatThrownBy(() -> new Migrations("db/kit-test-changed", "test db").migrate(c))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("test db: migration V1 (first) was changed after it was applied");
    }
  }

  @Test
  void aNewerDatabaseIsRefused() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      new Migrations("db/kit-test", "test db").migrate(c);
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO " + Tables.SCHEMA_VERSION + " (version, description, checksum) VALUES (9, 'future', 0)");
      }
      assertThatThrownBy(() -> new Migrations("db/kit-test", "test db").migrate(c))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("schema version 9, newer than this tokenmaxx knows (2)");
    }
  }

  @Test
  void aFailingScriptLeavesTheEarlierOnesAndNothingOfItself() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      assertThatThrownBy(() -> new Migrations("db/kit-test-broken", "test db").migrate(c))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("migration V2 (broken) failed");
      assertThat(versions(c)).containsExactly("1 first");
      assertThat(query(c, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name IN ('c', 'd')"))
          .containsExactly("0");
    }
  }

  @Test
  void theStoreRecordsItsSchemaVersionInTheFile() throws SQLException {
    Path file = dir.resolve("v.db");
    try (DuckDbStorage s = DuckDbStorage.builder().path(file).build()) {
      assertThat(s.check().ok()).isTrue();
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file)) {
      // Every feature adds its own versions (ranges per feature); these are some of them, in order.
      assertThat(versions(c)).contains("1 usage and outcomes", "2 directory and tokens", "3 collector state",
          "10 analytics rollups and audit", "20 accounts and sessions");
      assertThat(versions(c).indexOf("10 analytics rollups and audit")).isGreaterThan(versions(c).indexOf("3 collector state"));
    }
  }

  private static List<String> versions(Connection c) throws SQLException {
    return query(c, "SELECT version || ' ' || description FROM " + Tables.SCHEMA_VERSION + " ORDER BY version");
  }

  private static List<String> query(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }
}
