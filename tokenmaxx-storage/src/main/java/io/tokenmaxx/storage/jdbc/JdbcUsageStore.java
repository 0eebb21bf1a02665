package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.analyze.UsageAggregator;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.Dimension;
import io.tokenmaxx.storage.StorageException;
import io.tokenmaxx.storage.UsageAggregate;
import io.tokenmaxx.storage.UsageQuery;
import io.tokenmaxx.storage.UsageStore;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** {@link UsageStore} in SQL, shared by the backends; {@link Dialect} holds what differs. */
public final class JdbcUsageStore implements UsageStore {
  private final ConnectionSource connections;
  private final Dialect dialect;
  private final String description;

  /** @param description what to name in errors, e.g. "DuckDB database /var/lib/tokenmaxx/usage.db" */
  public JdbcUsageStore(ConnectionSource connections, Dialect dialect, String description) {
    this.connections = connections;
    this.dialect = dialect;
    this.description = description;
  }

  @Override
  public List<UsageAggregate> aggregate(UsageQuery query) {
    Sql sql = AggregateSql.build(dialect, query);
    int keys = query.groupBy().size();
    List<UsageAggregate> out = new ArrayList<>();
    try (Connection c = connections.open();
        PreparedStatement ps = c.prepareStatement(sql.text())) {
      sql.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int i = keys;
          long records = rs.getLong(i + 8);
          if (records == 0) continue; // no grouping and nothing matched: no group at all
          String[] key = new String[keys];
          for (int k = 0; k < keys; k++) key[k] = rs.getString(k + 1);
          out.add(new UsageAggregate(
              Collections.unmodifiableList(Arrays.asList(key)),
              rs.getLong(i + 1), rs.getLong(i + 2), rs.getLong(i + 3), rs.getLong(i + 4),
              rs.getLong(i + 5), rs.getLong(i + 6), rs.getLong(i + 7), records,
              sum(rs.getBigDecimal(i + 9)), sum(rs.getBigDecimal(i + 10)), sum(rs.getBigDecimal(i + 11)),
              rs.getLong(i + 12),
              Rows.instantOfNanos(rs.getBigDecimal(i + 13)),
              Rows.instantOfNanos(rs.getBigDecimal(i + 14))));
        }
      }
    } catch (SQLException e) {
      throw failed("aggregate usage by " + query.groupBy().stream().map(Dimension::label).toList(), e);
    }
    out.sort(UsageAggregator.KEY_ORDER);
    return out;
  }

  private static BigDecimal sum(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : Rows.cost(v);
  }

  @Override
  public List<UsageRecord> records(UsageQuery query, int limit) {
    checkLimit(limit);
    StringBuilder sb = new StringBuilder("SELECT ").append(Rows.usageSelectList(dialect))
        .append(" FROM ").append(Tables.USAGE);
    List<Object> params = new ArrayList<>();
    Filters.where(query, true, sb, params);
    sb.append(" ORDER BY ts DESC, ts_nanos DESC, ").append(dialect.idOrder()).append(" LIMIT ").append(limit);
    List<UsageRecord> out = new ArrayList<>();
    query(new Sql(sb.toString(), params), rs -> out.add(Rows.usage(rs)), "read usage records");
    return out;
  }

  @Override
  public List<OutcomeRecord> outcomes(UsageQuery query, int limit) {
    checkLimit(limit);
    StringBuilder sb = new StringBuilder("SELECT ").append(Rows.outcomeSelectList(dialect))
        .append(" FROM ").append(Tables.OUTCOME);
    List<Object> params = new ArrayList<>();
    Filters.where(query, false, sb, params);
    sb.append(" ORDER BY ts DESC, ts_nanos DESC, ").append(dialect.idOrder()).append(" LIMIT ").append(limit);
    List<OutcomeRecord> out = new ArrayList<>();
    query(new Sql(sb.toString(), params), rs -> out.add(Rows.outcome(rs)), "read outcome records");
    return out;
  }

  @Override
  public long countUsage() {
    return count(Tables.USAGE);
  }

  @Override
  public long countOutcomes() {
    return count(Tables.OUTCOME);
  }

  private long count(String table) {
    long[] n = new long[1];
    query(new Sql("SELECT COUNT(*) FROM " + table, List.of()), rs -> n[0] = rs.getLong(1), "count " + table);
    return n[0];
  }

  private interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }

  private void query(Sql sql, RowHandler handler, String what) {
    try (Connection c = connections.open();
        PreparedStatement ps = c.prepareStatement(sql.text())) {
      sql.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) handler.row(rs);
      }
    } catch (SQLException e) {
      throw failed(what, e);
    }
  }

  private static void checkLimit(int limit) {
    if (limit < 0) throw new IllegalArgumentException("limit must be >= 0, was " + limit);
  }

  private StorageException failed(String what, SQLException e) {
    return new StorageException(description + ": could not " + what + ": " + e.getMessage(), e);
  }
}
