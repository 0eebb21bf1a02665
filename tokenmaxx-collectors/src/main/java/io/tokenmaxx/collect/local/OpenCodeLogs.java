package io.tokenmaxx.collect.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmaxx.model.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OpenCode ({@code opencode-ai}): sessions in SQLite, {@code opencode.db} (WAL mode) in its data
 * folder — {@code OPENCODE_DATA_DIR} (comma-separated), else {@code $XDG_DATA_HOME/opencode}, else
 * {@code ~/.local/share/opencode} (the same folder under the user's profile on macOS and Windows:
 * OpenCode uses XDG folders everywhere). Versions before the database kept one JSON file per
 * message, {@code storage/message/<session>/<message>.json}; both are read.
 *
 * <p>An assistant message ({@code role: assistant}) carries {@code modelID}, {@code providerID},
 * {@code tokens} ({@code input} without cache reads and writes, {@code output}, {@code reasoning},
 * {@code cache.read}, {@code cache.write}), {@code cost} (USD, OpenCode's own price) and
 * {@code time.created} (epoch ms). A message counts once by session and message id (the same
 * message in the database and in a legacy file, or rewritten as it streams: the largest copy).
 * OpenCode does not record the requests it makes for a session's title.
 *
 * <p>Kilo's CLI ({@code @kilocode/cli}) is built on OpenCode and keeps the same database as
 * {@code kilo.db} in {@code KILO_DATA_DIR}, else {@code $XDG_DATA_HOME/kilo}
 * ({@link #kilo()}).
 */
final class OpenCodeLogs implements AgentSource {
  private final String tool;
  private final String envVar;
  private final String folder;
  private final String db;
  private final LogFile.Format format;

  private OpenCodeLogs(String tool, String envVar, String folder, String db, LogFile.Format format) {
    this.tool = tool;
    this.envVar = envVar;
    this.folder = folder;
    this.db = db;
    this.format = format;
  }

  static OpenCodeLogs opencode() {
    return new OpenCodeLogs(Tools.OPENCODE, "OPENCODE_DATA_DIR", "opencode", "opencode.db", LogFile.Format.OPENCODE);
  }

  static OpenCodeLogs kilo() {
    return new OpenCodeLogs(Tools.KILO, "KILO_DATA_DIR", "kilo", "kilo.db", LogFile.Format.KILO);
  }

  @Override
  public String tool() {
    return tool;
  }

  @Override
  public String envVar() {
    return envVar;
  }

  @Override
  public List<Path> defaultDirs(Map<String, String> env, Path home) {
    return List.of(AgentSource.xdgData(env, home, folder));
  }

  @Override
  public List<LogFile> files(List<Path> dirs) throws IOException {
    List<LogFile> out = new ArrayList<>();
    for (Path d : dirs) {
      Path file = d.resolve(db);
      if (Files.isRegularFile(file)) out.add(new LogFile(file, tool(), format, null, null, out.size(), identity(file)));
      List<Discovery.Found> found = new ArrayList<>();
      Discovery.files(d.resolve("storage").resolve("message"), ".json", found);
      found.sort((a, b) -> a.path().compareTo(b.path()));
      for (Discovery.Found f : found) {
        out.add(new LogFile(f.path(), tool(), format, null, null, out.size(), f.identity()));
      }
    }
    return out;
  }

  /**
   * A database's identity takes in its write-ahead log: OpenCode's writes land in
   * {@code opencode.db-wal} long before the database file itself changes.
   */
  static FileParser.Identity identity(Path db) throws IOException {
    BasicFileAttributes a = Files.readAttributes(db, BasicFileAttributes.class);
    FileParser.Identity id = FileParser.Identity.of(a);
    Path wal = db.resolveSibling(db.getFileName() + "-wal");
    if (!Files.isRegularFile(wal)) return id;
    BasicFileAttributes w = Files.readAttributes(wal, BasicFileAttributes.class);
    return new FileParser.Identity(id.fileKey(), a.size() + w.size(),
        Math.max(a.lastModifiedTime().toMillis(), w.lastModifiedTime().toMillis()));
  }

  @Override
  public int parse(LogFile file, EntryTable t, StringPool pool) throws IOException {
    if (file.path().getFileName().toString().equals(db)) return database(file.path(), t, pool);
    try {
      JsonNode m = WholeFiles.mapper().readTree(file.path().toFile());
      if (m == null || !m.isObject()) return 1;
      message(m, t, pool, null);
      return 0;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return 1;
    }
  }

  private static void message(JsonNode m, EntryTable t, StringPool pool, String directory) {
    if (!"assistant".equals(m.path("role").asText())) return;
    JsonNode tokens = m.path("tokens");
    String id = m.path("id").asText(null);
    if (id == null || !tokens.isObject()) return;
    long time = m.path("time").path("created").asLong(0);
    String cwd = directory != null ? directory : m.path("path").path("cwd").asText(null);
    JsonNode cost = m.path("cost");
    add(t, pool, time, m.path("modelID").asText(null), m.path("sessionID").asText(null), id,
        m.path("providerID").asText(null), cwd, tokens.path("input").asLong(0), tokens.path("output").asLong(0),
        tokens.path("cache").path("read").asLong(0), tokens.path("cache").path("write").asLong(0),
        tokens.path("reasoning").asLong(0), cost.isNumber() ? cost.decimalValue().toPlainString() : null);
  }

  private static void add(EntryTable t, StringPool pool, long time, String model, String session, String id,
      String provider, String cwd, long input, long output, long cacheRead, long cacheWrite, long reasoning,
      String cost) {
    if (time <= 0 || input < 0 || output < 0 || cacheRead < 0 || cacheWrite < 0 || reasoning < 0) return;
    // a cost of 0 is OpenCode not knowing the price: the catalog's applies
    String reported = cost == null || new java.math.BigDecimal(cost).signum() == 0 ? null : cost;
    AgentSource.add(t, pool, time, model, session, (session == null ? "" : session) + "\u0000" + id, provider, cwd == null ? null : TableBuilder.projectName(cwd),
        input, output, cacheRead, cacheWrite, reasoning, reported);
  }

  /** The assistant messages of an OpenCode database, read without writing to it. */
  private static int database(Path db, EntryTable t, StringPool pool) throws IOException {
    org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(2000);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath(), config.toProperties());
        Statement st = c.createStatement()) {
      int malformed;
      try (ResultSet r = st.executeQuery("SELECT count(*) FROM message WHERE NOT json_valid(data)")) {
        malformed = r.next() ? r.getInt(1) : 0;
      }
      try (ResultSet r = st.executeQuery("""
          SELECT m.id, m.session_id, s.directory, m.time_created,
                 json_extract(m.data, '$.time.created'), json_extract(m.data, '$.modelID'),
                 json_extract(m.data, '$.providerID'), json_extract(m.data, '$.tokens.input'),
                 json_extract(m.data, '$.tokens.output'), json_extract(m.data, '$.tokens.reasoning'),
                 json_extract(m.data, '$.tokens.cache.read'), json_extract(m.data, '$.tokens.cache.write'),
                 json_extract(m.data, '$.cost')
          FROM message m LEFT JOIN session s ON s.id = m.session_id
          WHERE json_valid(m.data) AND json_extract(m.data, '$.role') = 'assistant'
            AND json_type(m.data, '$.tokens') = 'object'""")) {
        while (r.next()) {
          long time = r.getLong(5);
          if (r.wasNull()) time = r.getLong(4);
          String cost = r.getString(13);
          add(t, pool, time, r.getString(6), r.getString(2), r.getString(1), r.getString(7), r.getString(3),
              r.getLong(8), r.getLong(9), r.getLong(11), r.getLong(12), r.getLong(10), number(cost));
        }
      }
      return malformed;
    } catch (SQLException e) {
      if (e.getMessage() != null && e.getMessage().contains("no such table")) return 0; // not (yet) OpenCode's schema
      throw new IOException("cannot read the database " + db + ": " + e.getMessage(), e);
    }
  }

  private static String number(String v) {
    if (v == null) return null;
    try {
      return new java.math.BigDecimal(v).toPlainString();
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
