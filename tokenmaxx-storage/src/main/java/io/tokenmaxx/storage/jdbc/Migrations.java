package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Applies versioned SQL scripts at start and records them in {@value Tables#SCHEMA_VERSION}, the
 * same way for every backend. Scripts live under {@code db/<backend>/} on the class path, named
 * {@code V<version>__<description>.sql} (Flyway's convention) and listed, in order, in that
 * folder's {@code migrations.list}. Each script runs in its own transaction together with the row
 * that records it; a script already applied but since changed (checksum) and a database newer than
 * this code are refused with an error that says so. Why not Flyway: RATIONALE.md.
 */
public final class Migrations {
  private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

  /** One script: its version, description, text and CRC32 checksum. */
  public record Script(int version, String description, String sql, long checksum) {}

  private final String folder;
  private final String description;

  /**
   * @param folder      class-path folder, e.g. {@code db/duckdb}
   * @param description the database, for error messages
   */
  public Migrations(String folder, String description) {
    this.folder = folder;
    this.description = description;
  }

  /** The scripts this code knows, in version order. */
  public List<Script> scripts() {
    String list = resource("migrations.list");
    Map<Integer, Script> byVersion = new LinkedHashMap<>();
    int last = 0;
    for (String line : list.split("\n")) {
      String name = line.strip();
      if (name.isEmpty() || name.startsWith("#")) continue;
      Matcher m = NAME.matcher(name);
      if (!m.matches()) throw new IllegalStateException(folder + "/migrations.list: '" + name + "' is not V<n>__<description>.sql");
      int version = Integer.parseInt(m.group(1));
      if (version <= last) throw new IllegalStateException(folder + "/migrations.list: versions must increase, " + name + " follows V" + last);
      last = version;
      String sql = resource(name);
      CRC32 crc = new CRC32();
      crc.update(sql.getBytes(StandardCharsets.UTF_8));
      byVersion.put(version, new Script(version, m.group(2).replace('_', ' '), sql, crc.getValue()));
    }
    return new ArrayList<>(byVersion.values());
  }

  /** Brings the schema up to date; returns how many scripts were applied. */
  public int migrate(Connection c) {
    try {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS " + Tables.SCHEMA_VERSION + " (version INTEGER PRIMARY KEY, "
            + "description VARCHAR(200) NOT NULL, checksum BIGINT NOT NULL, "
            + "installed_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP)");
      }
      c.setAutoCommit(false);
      int applied = 0;
      try {
        Map<Integer, Long> done = applied(c);
        List<Script> scripts = scripts();
        int known = scripts.isEmpty() ? 0 : scripts.getLast().version();
        for (int v : done.keySet()) {
          if (v > known) {
            throw new StorageException(description + " has schema version " + v
                + ", newer than this tokenmaxx knows (" + known + "); upgrade tokenmaxx");
          }
        }
        for (Script script : scripts) {
          Long checksum = done.get(script.version());
          if (checksum != null) {
            if (checksum != script.checksum()) {
              throw new StorageException(description + ": migration V" + script.version() + " ("
                  + script.description() + ") was changed after it was applied (checksum "
                  + checksum + " in the database, " + script.checksum() + " now)");
            }
            continue;
          }
          apply(c, script);
          applied++;
        }
      } finally {
        c.setAutoCommit(autoCommit);
      }
      return applied;
    } catch (SQLException e) {
      throw new StorageException(description + ": schema migration failed: " + e.getMessage(), e);
    }
  }

  private void apply(Connection c, Script script) throws SQLException {
    try {
      try (Statement s = c.createStatement()) {
        for (String statement : statements(script.sql())) s.execute(statement);
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + Tables.SCHEMA_VERSION
          + " (version, description, checksum) VALUES (?, ?, ?)")) {
        ps.setInt(1, script.version());
        ps.setString(2, script.description());
        ps.setLong(3, script.checksum());
        ps.executeUpdate();
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new StorageException(description + ": migration V" + script.version() + " ("
          + script.description() + ") failed: " + e.getMessage(), e);
    }
  }

  private static Map<Integer, Long> applied(Connection c) throws SQLException {
    Map<Integer, Long> done = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, checksum FROM " + Tables.SCHEMA_VERSION + " ORDER BY version")) {
      while (rs.next()) done.put(rs.getInt(1), rs.getLong(2));
    }
    return done;
  }

  /** Splits a script at semicolons that end a line; scripts keep to that (no procedures). */
  static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : sql.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--")) continue;
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String s = current.toString().strip();
        out.add(s.substring(0, s.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) out.add(current.toString().strip());
    return out;
  }

  private String resource(String name) {
    String path = folder + "/" + name;
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("migration resource " + path + " is missing from the class path");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration resource " + path, e);
    }
  }
}
