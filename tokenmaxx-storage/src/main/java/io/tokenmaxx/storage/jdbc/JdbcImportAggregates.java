package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.importer.ImportAggregateStore;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.wire.RecordJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * {@link ImportAggregateStore} for both backends: raw aggregates in {@code import_aggregate} (one
 * export JSON line each), finer sums and deletions over the record tables. Deletions run while the
 * record writers are idle and keep the rollups in step, like retractions.
 */
public final class JdbcImportAggregates implements ImportAggregateStore {
  /** Rows per statement. */
  static final int CHUNK = 200;
  private static final String STAGING = "import_aggregate_staging";

  private final Transactions tx;
  private final RollupHook usageRollups;
  private final RollupHook outcomeRollups;
  private final RecordJson reader = RecordJson.exportReader(Clock.systemUTC());

  public JdbcImportAggregates(Transactions tx, RollupHook usageRollups, RollupHook outcomeRollups) {
    this.tx = tx;
    this.usageRollups = usageRollups;
    this.outcomeRollups = outcomeRollups;
  }

  @Override
  public void putRaw(Collection<UsageRecord> raw) {
    if (raw.isEmpty()) return;
    // last copy of an id wins, as in the record tables
    java.util.Map<String, UsageRecord> byId = new java.util.LinkedHashMap<>();
    for (UsageRecord r : raw) byId.put(r.id(), r);
    List<UsageRecord> all = List.copyOf(byId.values());
    tx.write("keep " + all.size() + " imported aggregates", c -> {
      if (c.isWrapperFor(DuckDBConnection.class)) appendDuckDb(c.unwrap(DuckDBConnection.class), all);
      else upsertArrays(c, all);
      return null;
    });
  }

  /**
   * DuckDB: the rows go through the Appender into a connection-local staging table, then one
   * INSERT OR REPLACE moves them (a multi-row VALUES upsert costs DuckDB a plan per statement and
   * a key lookup per row; this is the path the record writers take, see DuckDbUpsert).
   */
  private static void appendDuckDb(DuckDBConnection c, List<UsageRecord> all) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE IF NOT EXISTS " + STAGING + " (id VARCHAR, day DATE, record VARCHAR)");
    }
    try (Statement s = c.createStatement()) {
      s.execute("DELETE FROM " + STAGING);
    }
    try (DuckDBAppender appender = c.createAppender("temp", "main", STAGING)) {
      for (UsageRecord r : all) {
        appender.beginRow();
        appender.append(r.id());
        appender.append(LocalDate.ofInstant(r.timestamp(), ZoneOffset.UTC));
        appender.append(json(r));
        appender.endRow();
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("INSERT OR REPLACE INTO import_aggregate SELECT id, day, record FROM " + STAGING);
    }
    try (Statement s = c.createStatement()) {
      s.execute("DELETE FROM " + STAGING);
    }
  }

  /** PostgreSQL: the whole batch as three arrays, unnested into one upsert statement. */
  private static void upsertArrays(Connection c, List<UsageRecord> all) throws SQLException {
    String[] ids = new String[all.size()];
    String[] days = new String[all.size()];
    String[] records = new String[all.size()];
    for (int i = 0; i < all.size(); i++) {
      UsageRecord r = all.get(i);
      ids[i] = r.id();
      days[i] = LocalDate.ofInstant(r.timestamp(), ZoneOffset.UTC).toString();
      records[i] = json(r);
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_aggregate (id, day, record) "
        + "SELECT * FROM unnest(?::varchar[], ?::varchar[]::date[], ?::varchar[]) "
        + "ON CONFLICT (id) DO UPDATE SET day = excluded.day, record = excluded.record")) {
      ps.setArray(1, c.createArrayOf("varchar", ids));
      ps.setArray(2, c.createArrayOf("varchar", days));
      ps.setArray(3, c.createArrayOf("varchar", records));
      ps.executeUpdate();
    }
  }

  @Override
  public List<UsageRecord> raw(LocalDate day) {
    return tx.read("read the imported aggregates of " + day, c -> {
      List<UsageRecord> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT record FROM import_aggregate WHERE day = ? ORDER BY id")) {
        ps.setObject(1, day);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) out.add(parse(rs.getString(1)));
        }
      }
      return out;
    });
  }

  @Override
  public List<UsageRecord> finerSums(LocalDate day, Collection<String> aggregatePrefixes) {
    StringBuilder sql = new StringBuilder("SELECT person, identity_kind, identity_value, model, tool, provider, "
        + "CAST(SUM(input_tokens) AS BIGINT), CAST(SUM(output_tokens) AS BIGINT), "
        + "CAST(SUM(cache_read_tokens) AS BIGINT), CAST(SUM(cache_write_5m_tokens) AS BIGINT), "
        + "CAST(SUM(cache_write_1h_tokens) AS BIGINT), CAST(SUM(reasoning_tokens) AS BIGINT), "
        + "CAST(SUM(requests) AS BIGINT) FROM " + Tables.USAGE + " WHERE ts >= ? AND ts < ?");
    for (int i = 0; i < aggregatePrefixes.size(); i++) sql.append(" AND substr(id, 1, ?) <> ?");
    sql.append(" GROUP BY person, identity_kind, identity_value, model, tool, provider");
    return tx.read("sum the usage of " + day, c -> {
      List<UsageRecord> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        int i = 1;
        ps.setObject(i++, start(day));
        ps.setObject(i++, start(day.plusDays(1)));
        for (String p : aggregatePrefixes) {
          ps.setInt(i++, p.length());
          ps.setString(i++, p);
        }
        try (ResultSet rs = ps.executeQuery()) {
          int n = 0;
          while (rs.next()) {
            String kind = rs.getString(2);
            RawIdentity identity = kind == null ? null
                : new RawIdentity(RawIdentity.Kind.parse(kind), rs.getString(3));
            out.add(UsageRecord.builder().id("finer:" + day + ":" + n++)
                .timestamp(day.atTime(12, 0).toInstant(ZoneOffset.UTC)).source("sum")
                .person(rs.getString(1)).identity(identity).model(rs.getString(4)).tool(rs.getString(5))
                .provider(rs.getString(6)).inputTokens(rs.getLong(7)).outputTokens(rs.getLong(8))
                .cacheReadTokens(rs.getLong(9)).cacheWrite5mTokens(rs.getLong(10))
                .cacheWrite1hTokens(rs.getLong(11)).reasoningTokens(rs.getLong(12))
                .requests((int) Math.min(Integer.MAX_VALUE, rs.getLong(13))).build());
          }
        }
      }
      return out;
    });
  }

  @Override
  public long deleteExcept(String dayPrefix, LocalDate day, Set<String> keep) {
    List<String> usage = stale(Tables.USAGE, dayPrefix, day, keep);
    List<String> outcomes = stale(Tables.OUTCOME, dayPrefix, day, keep);
    List<String> raw = tx.read("find imported aggregates of " + dayPrefix, c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id FROM import_aggregate WHERE day = ? AND substr(id, 1, ?) = ?")) {
        ps.setObject(1, day);
        ps.setInt(2, dayPrefix.length());
        ps.setString(3, dayPrefix);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) if (!keep.contains(rs.getString(1))) out.add(rs.getString(1));
        }
      }
      return out;
    });
    if (usage.isEmpty() && outcomes.isEmpty() && raw.isEmpty()) return 0;
    return tx.writeWhileWritersIdle("delete what " + dayPrefix + " no longer has", c -> {
      long n = delete(c, Tables.USAGE, usage, usageRollups);
      n += delete(c, Tables.OUTCOME, outcomes, outcomeRollups);
      for (List<String> part : chunks(raw)) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM import_aggregate WHERE id IN ("
            + String.join(", ", Collections.nCopies(part.size(), "?")) + ")")) {
          for (int i = 0; i < part.size(); i++) ps.setString(i + 1, part.get(i));
          ps.executeUpdate();
        }
      }
      return n;
    });
  }

  private List<String> stale(String table, String dayPrefix, LocalDate day, Set<String> keep) {
    return tx.read("find records of " + dayPrefix, c -> {
      List<String> out = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table
          + " WHERE ts >= ? AND ts < ? AND substr(id, 1, ?) = ?")) {
        ps.setObject(1, start(day));
        ps.setObject(2, start(day.plusDays(1)));
        ps.setInt(3, dayPrefix.length());
        ps.setString(4, dayPrefix);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String id = rs.getString(1);
            if (!keep.contains(id) && seen.add(id)) out.add(id);
          }
        }
      }
      return out;
    });
  }

  private static long delete(Connection c, String table, List<String> ids, RollupHook rollups) throws SQLException {
    long n = 0;
    for (List<String> part : chunks(ids)) {
      String where = "id IN (" + String.join(", ", Collections.nCopies(part.size(), "?")) + ")";
      List<Object> params = new ArrayList<>(part);
      rollups.beforeDelete(c, where, params);
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE " + where)) {
        for (int i = 0; i < part.size(); i++) ps.setString(i + 1, part.get(i));
        n += ps.executeUpdate();
      }
      rollups.afterDelete(c);
    }
    return n;
  }

  private static OffsetDateTime start(LocalDate day) {
    return day.atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  private static String json(UsageRecord r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try {
      RecordJson.writeExport(List.of(r), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8).trim();
  }

  private UsageRecord parse(String json) {
    try {
      var batch = reader.readNdjson(json.getBytes(StandardCharsets.UTF_8));
      if (!batch.errors().isEmpty() || batch.records().usage().size() != 1) {
        throw new IllegalStateException("stored aggregate cannot be read back: " + batch.errors());
      }
      return batch.records().usage().get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <E> List<List<E>> chunks(List<E> all) {
    List<List<E>> out = new ArrayList<>();
    for (int from = 0; from < all.size(); from += CHUNK) out.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
    return out;
  }
}
