package io.tokenmaxx.storage.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The PostgreSQL server the tests use: {@code TOKENMAXX_TEST_PG_URL} / {@code TOKENMAXX_TEST_PG_USER},
 * by default 127.0.0.1:5432, database {@code test}, user {@code postgres} (trust authentication).
 * When it cannot be reached the tests fail, naming it: CI starts the server, nothing skips.
 */
final class TestPostgres {
  static final String URL = env("TOKENMAXX_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String USER = env("TOKENMAXX_TEST_PG_USER", "postgres");

  private static volatile boolean reachable;

  private TestPostgres() {}

  /** A storage in a new schema with a random name; drop it with {@link #drop}. */
  static PostgresStorage newStorage() {
    requireServer();
    String schema = "tm_test_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36)
        .toLowerCase(Locale.ROOT);
    return PostgresStorage.builder().url(URL).user(USER).schema(schema).poolSize(2).build();
  }

  static PostgresStorage reopen(PostgresStorage closed) {
    return PostgresStorage.builder().url(URL).user(USER).schema(closed.schema()).poolSize(2).build();
  }

  static void drop(PostgresStorage storage) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + storage.schema() + " CASCADE");
    } catch (SQLException e) {
      throw new AssertionError("could not drop test schema " + storage.schema() + ": " + e.getMessage(), e);
    }
  }

  static Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", USER);
    return DriverManager.getConnection(URL, p);
  }

  static void requireServer() {
    if (reachable) return;
    try (Connection c = connect()) {
      reachable = c.isValid(5);
    } catch (SQLException e) {
      throw new AssertionError("PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
          + "). The PostgreSQL tests need it: start it (.ci/run does) or point TOKENMAXX_TEST_PG_URL at one.", e);
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
