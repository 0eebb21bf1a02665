package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.guard.FeatureSource;
import io.tokenmaxx.guard.GuardConfig;
import io.tokenmaxx.guard.Substance;
import io.tokenmaxx.guard.WeekFeatures;
import io.tokenmaxx.storage.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** {@link FeatureSource} in SQL ({@link GuardFeatureSql}); the entropy is finished in Java. */
public final class JdbcGuardFeatures implements FeatureSource {
  private final ConnectionSource connections;
  private final Dialect dialect;
  private final String description;

  public JdbcGuardFeatures(ConnectionSource connections, Dialect dialect, String description) {
    this.connections = connections;
    this.dialect = dialect;
    this.description = description;
  }

  @Override
  public List<WeekFeatures> weekFeatures(LocalDate fromWeek, LocalDate toWeek, GuardConfig config) {
    Sql sql = GuardFeatureSql.build(dialect, config, fromWeek.atStartOfDay(config.zone()).toInstant(),
        toWeek.atStartOfDay(config.zone()).toInstant());
    List<WeekFeatures> out = new ArrayList<>();
    try (Connection c = connections.open(); PreparedStatement ps = c.prepareStatement(sql.text())) {
      sql.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(row(rs));
      }
    } catch (SQLException e) {
      throw new StorageException(description + ": could not compute guard features: " + e.getMessage(), e);
    }
    return out;
  }

  @Override
  public java.util.Map<LocalDate, String> weekFingerprints(java.time.ZoneId zone) {
    java.util.Map<LocalDate, String> out = new java.util.TreeMap<>();
    String local = dialect.localTime("ts", zone);
    String week = dialect.dateMinusDays(local, "(" + dialect.isoDayOfWeek(local) + " - 1)");
    String usage = "SELECT CAST(" + week + " AS DATE) AS week, COUNT(*) AS n, COUNT(person) AS attributed, "
        + "COUNT(DISTINCT person) AS people, SUM(input_tokens + output_tokens + cache_read_tokens) AS tokens FROM "
        + Tables.USAGE + " GROUP BY CAST(" + week + " AS DATE)";
    String outcomes = "SELECT CAST(" + week + " AS DATE) AS week, COUNT(*) AS n, COUNT(DISTINCT person) AS people, "
        + "SUM(value) AS total FROM " + Tables.OUTCOME + " GROUP BY CAST(" + week + " AS DATE)";
    try (Connection c = connections.open()) {
      try (PreparedStatement ps = c.prepareStatement(usage); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getObject(1, LocalDate.class), "u" + rs.getLong(2) + "/" + rs.getLong(3) + "/" + rs.getLong(4) + "/" + rs.getLong(5));
        }
      }
      try (PreparedStatement ps = c.prepareStatement(outcomes); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.merge(rs.getObject(1, LocalDate.class), "o" + rs.getLong(2) + "/" + rs.getLong(3) + "/" + rs.getDouble(4),
              (a, b) -> a + " " + b);
        }
      }
    } catch (SQLException e) {
      throw new StorageException(description + ": could not fingerprint the weeks: " + e.getMessage(), e);
    }
    return out;
  }

  private static WeekFeatures row(ResultSet rs) throws SQLException {
    long hashed = rs.getLong(15);
    double clnc = rs.getDouble(18);
    double entropy = hashed == 0 ? 0 : Math.max(0, (Math.log(hashed) - clnc / hashed) / Math.log(2));
    long[] days = new long[7];
    for (int i = 0; i < 7; i++) days[i] = rs.getLong(19 + i);
    return new WeekFeatures(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3), rs.getLong(4),
        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getInt(9), rs.getInt(10), rs.getLong(11),
        rs.getLong(12), rs.getDouble(13), rs.getDouble(14), hashed, rs.getLong(16), rs.getLong(17), entropy, days,
        rs.getLong(26), rs.getDouble(27), rs.getDouble(28), rs.getDouble(29), rs.getDouble(30), rs.getDouble(31),
        rs.getDouble(32), substance(rs));
  }

  private static Substance substance(ResultSet rs) throws SQLException {
    long[] records = new long[7];
    for (int i = 0; i < 7; i++) records[i] = rs.getLong(34 + i);
    long[] sessions = new long[7];
    for (int i = 0; i < 7; i++) sessions[i] = rs.getLong(50 + i);
    return new Substance(records, rs.getInt(41), rs.getLong(33), rs.getInt(42), rs.getInt(43), rs.getLong(44),
        rs.getLong(45), rs.getLong(46), rs.getLong(47), rs.getInt(48), rs.getLong(49), sessions, rs.getLong(57));
  }
}
