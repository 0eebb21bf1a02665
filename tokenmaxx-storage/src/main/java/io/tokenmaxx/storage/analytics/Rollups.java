package io.tokenmaxx.storage.analytics;

import io.tokenmaxx.storage.jdbc.Dialect;
import io.tokenmaxx.storage.jdbc.RollupHook;
import io.tokenmaxx.storage.jdbc.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Upkeep of the analytics rollups of one record table ({@code usage_record} feeds {@code
 * usage_hourly} and {@code session_hourly}; {@code outcome_record} feeds {@code outcome_hourly}),
 * run by the table's writer inside its transactions:
 *
 * <ul>
 *   <li>a batch of new ids appends its partial sums (one row per hour and key) — cost proportional
 *       to the batch;
 *   <li>a batch that replaces stored ids recomputes, from the record table, every hour that held
 *       an old copy or holds a new one — so a replaced record that changed hour, person, model or
 *       tokens leaves nothing stale behind;
 *   <li>every so often (after {@link #compactAfter} appended rows) the partial rows of the hours
 *       touched since the last time are merged into one row per key.
 * </ul>
 *
 * Re-attribution needs nothing here: the rollups carry the raw identity, so the directory's UPDATE
 * applies to them as to the records ({@link Tables#ATTRIBUTED}). RATIONALE.md has the measurements.
 */
public final class Rollups implements RollupHook {
  private final Dialect dialect;
  private final String table;
  private final List<String> rollups;
  private final String touched;
  private final int compactAfter;

  private boolean replacing;
  private long txRows;
  private long txMin = Long.MAX_VALUE;
  private long txMax = Long.MIN_VALUE;
  private long pendingRows;
  private long pendingMin = Long.MAX_VALUE;
  private long pendingMax = Long.MIN_VALUE;

  private Rollups(Dialect dialect, String table, List<String> rollups, int compactAfter) {
    this.dialect = dialect;
    this.table = table;
    this.rollups = rollups;
    this.touched = table + "_touched_hours";
    this.compactAfter = compactAfter;
  }

  /** Default number of appended rollup rows after which touched hours are compacted. */
  public static final int COMPACT_AFTER = 50_000;

  /** Upkeep of {@code usage_hourly} and {@code session_hourly}. */
  public static Rollups usage(Dialect dialect, int compactAfter) {
    return new Rollups(dialect, Tables.USAGE, List.of(Tables.USAGE_HOURLY, Tables.SESSION_HOURLY), compactAfter);
  }

  /** Upkeep of {@code outcome_hourly}. */
  public static Rollups outcomes(Dialect dialect, int compactAfter) {
    return new Rollups(dialect, Tables.OUTCOME, List.of(Tables.OUTCOME_HOURLY), compactAfter);
  }

  private String fill(String rollup, String from, String where) {
    return switch (rollup) {
      case Tables.USAGE_HOURLY -> RollupSql.usageHourly(dialect, from, where);
      case Tables.SESSION_HOURLY -> RollupSql.sessionHourly(dialect, from, where);
      case Tables.OUTCOME_HOURLY -> RollupSql.outcomeHourly(dialect, from, where);
      default -> throw new IllegalArgumentException(rollup);
    };
  }

  @Override
  public void beforeMove(Connection c, String staging, boolean mayReplace) throws SQLException {
    replacing = false;
    txRows = 0;
    txMin = Long.MAX_VALUE;
    txMax = Long.MIN_VALUE;
    if (!mayReplace) return;
    execute(c, "CREATE TEMP TABLE IF NOT EXISTS " + touched + " (hour BIGINT)");
    execute(c, "DELETE FROM " + touched);
    long old = update(c, "INSERT INTO " + touched + " SELECT DISTINCT " + dialect.epochHour("t.ts") + " FROM " + table
        + " t WHERE t.id IN (SELECT id FROM " + staging + ")");
    replacing = old > 0;
  }

  @Override
  public void afterMove(Connection c, String staging) throws SQLException {
    if (replacing) {
      execute(c, "INSERT INTO " + touched + " SELECT DISTINCT " + dialect.epochHour("ts") + " FROM " + staging);
      recomputeTouched(c);
      return;
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MIN(" + dialect.epochHour("ts") + "), MAX(" + dialect.epochHour("ts")
            + ") FROM " + staging)) {
      if (!rs.next() || rs.getObject(1) == null) return;
      txMin = rs.getLong(1);
      txMax = rs.getLong(2);
    }
    for (String r : rollups) txRows += update(c, fill(r, staging, ""));
  }

  @Override
  public void beforeDelete(Connection c, String where, List<Object> params) throws SQLException {
    execute(c, "CREATE TEMP TABLE IF NOT EXISTS " + touched + " (hour BIGINT)");
    execute(c, "DELETE FROM " + touched);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + touched + " SELECT DISTINCT "
        + dialect.epochHour("ts") + " FROM " + table + " WHERE " + where)) {
      for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
      ps.executeUpdate();
    }
  }

  @Override
  public void afterDelete(Connection c) throws SQLException {
    recomputeTouched(c);
  }

  /** Recomputes every hour listed in the touched table from the record table. */
  private void recomputeTouched(Connection c) throws SQLException {
    long min;
    long max;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MIN(hour), MAX(hour) FROM " + touched)) {
      if (!rs.next() || rs.getObject(1) == null) return;
      min = rs.getLong(1);
      max = rs.getLong(2);
    }
    String in = " IN (SELECT hour FROM " + touched + ")";
    for (String r : rollups) {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + r + " WHERE hour >= ? AND hour <= ? AND hour" + in)) {
        ps.setLong(1, min);
        ps.setLong(2, max);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(fill(r, table,
          " WHERE ts >= ? AND ts < ? AND " + dialect.epochHour("ts") + in))) {
        ps.setObject(1, hourStart(min));
        ps.setObject(2, hourStart(max + 1));
        ps.executeUpdate();
      }
    }
  }

  @Override
  public void afterCommit(Connection c) throws SQLException {
    if (replacing || txRows == 0) return;
    pendingRows += txRows;
    pendingMin = Math.min(pendingMin, txMin);
    pendingMax = Math.max(pendingMax, txMax);
    txRows = 0;
    if (pendingRows < compactAfter) return;
    try {
      compact(c);
    } catch (SQLException | RuntimeException e) {
      // The records are committed; compaction is upkeep and is tried again after the next batch.
      System.getLogger(Rollups.class.getName()).log(System.Logger.Level.WARNING,
          "compacting the rollups of " + table + " failed; will retry", e);
    }
  }

  /**
   * Merges the partial rows appended since the last compaction (hours {@code pendingMin ..
   * pendingMax}) into one row per key, in a transaction of its own. Merging the rollup's own rows
   * costs in proportion to them, not to the records of those hours (late records spread over a
   * month touch every hour of it).
   */
  void compact(Connection c) throws SQLException {
    if (pendingRows == 0) return;
    try {
      merge(c, pendingMin, pendingMax);
      c.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    pendingRows = 0;
    pendingMin = Long.MAX_VALUE;
    pendingMax = Long.MIN_VALUE;
  }

  /** Merges partial rows of hours {@code min .. max} (inclusive); no commit. */
  void merge(Connection c, long min, long max) throws SQLException {
    String tmp = table + "_rollup_merge";
    for (String r : rollups) {
      execute(c, "DROP TABLE IF EXISTS " + tmp);
      execute(c, RollupSql.merge(r, tmp, min, max));
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + r + " WHERE hour >= ? AND hour <= ?")) {
        ps.setLong(1, min);
        ps.setLong(2, max);
        ps.executeUpdate();
      }
      execute(c, "INSERT INTO " + r + " SELECT * FROM " + tmp + " ORDER BY hour");
      execute(c, "DROP TABLE " + tmp);
    }
  }

  /** Empties the rollups and fills them again from every record; no commit. */
  public void rebuild(Connection c) throws SQLException {
    for (String r : rollups) {
      execute(c, "DELETE FROM " + r);
      execute(c, fill(r, table, ""));
    }
    pendingRows = 0;
    pendingMin = Long.MAX_VALUE;
    pendingMax = Long.MIN_VALUE;
  }

  static OffsetDateTime hourStart(long hour) {
    return OffsetDateTime.ofInstant(Instant.ofEpochSecond(hour * 3600), ZoneOffset.UTC);
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long update(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      return s.executeUpdate(sql);
    }
  }
}
