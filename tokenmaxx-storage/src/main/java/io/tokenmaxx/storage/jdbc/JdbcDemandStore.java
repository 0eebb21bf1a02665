package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.storage.DemandStore;
import io.tokenmaxx.storage.StorageException;
import io.tokenmaxx.storage.UsageQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link DemandStore} in SQL, shared by the backends; {@link Dialect} holds what differs. */
public final class JdbcDemandStore implements DemandStore {
  private static final String PROMPT = "(input_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens)";
  private static final String GENERATED = "(output_tokens + reasoning_tokens)";

  private final ConnectionSource connections;
  private final Dialect dialect;
  private final String description;

  public JdbcDemandStore(ConnectionSource connections, Dialect dialect, String description) {
    this.connections = connections;
    this.dialect = dialect;
    this.description = description;
  }

  @Override
  public List<MinuteUsage> minutes(Instant from, Instant to, Map<String, String> groups) {
    String minute = dialect.intDiv(dialect.epochMicros("ts"), "60000000");
    List<Object> params = new ArrayList<>();
    String group = group(groups, params);
    StringBuilder sb = new StringBuilder("SELECT * FROM (SELECT ").append(group).append(" AS grp, ").append(minute).append(" AS minute, SUM(").append(PROMPT)
        .append(") AS prompt, SUM(cache_read_tokens) AS cached, SUM(").append(GENERATED).append(") AS generated, ")
        .append("SUM(requests) AS requests, SUM(CASE WHEN latency_ms IS NULL THEN 0 ELSE latency_ms * requests END) AS ms, ")
        .append("SUM(CASE WHEN latency_ms IS NULL THEN 0 ELSE requests END) AS timed FROM ").append(Tables.USAGE);
    where(from, to, sb, params);
    sb.append(" GROUP BY 1, 2) t ORDER BY ").append(dialect.textOrder("grp")).append(", minute");
    List<MinuteUsage> out = new ArrayList<>();
    query(new Sql(sb.toString(), params), rs -> out.add(new MinuteUsage(rs.getString(1), rs.getLong(2), rs.getLong(3),
        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8))), "sum usage per minute");
    return out;
  }

  @Override
  public List<RequestSizes> requestSizes(Instant from, Instant to, Map<String, String> groups) {
    List<Object> params = new ArrayList<>();
    String group = group(groups, params);
    String prompt = "CAST(" + PROMPT + " AS DOUBLE PRECISION) / GREATEST(requests, 1)";
    String generated = "CAST(" + GENERATED + " AS DOUBLE PRECISION) / GREATEST(requests, 1)";
    StringBuilder sb = new StringBuilder("SELECT * FROM (SELECT ").append(group).append(" AS grp, COUNT(*) AS n, ")
        .append(dialect.percentileCont(prompt, 0.5)).append(" AS p50, ").append(dialect.percentileCont(prompt, 0.95))
        .append(" AS p95, ").append(dialect.percentileCont(generated, 0.5)).append(" AS g50, ")
        .append(dialect.percentileCont(generated, 0.95)).append(" AS g95")
        .append(" FROM ").append(Tables.USAGE);
    where(from, to, sb, params);
    sb.append(" GROUP BY 1) t ORDER BY ").append(dialect.textOrder("grp"));
    List<RequestSizes> out = new ArrayList<>();
    query(new Sql(sb.toString(), params), rs -> out.add(new RequestSizes(rs.getString(1), rs.getLong(2),
        rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6))), "read request sizes");
    return out;
  }

  @Override
  public List<ModelUser> users(Instant from, Instant to) {
    StringBuilder sb = new StringBuilder("SELECT model, person FROM ").append(Tables.USAGE);
    List<Object> params = new ArrayList<>();
    where(from, to, sb, params);
    sb.append(" AND person IS NOT NULL GROUP BY model, person ORDER BY ")
        .append(dialect.textOrder("model")).append(", ").append(dialect.textOrder("person"));
    List<ModelUser> out = new ArrayList<>();
    query(new Sql(sb.toString(), params), rs -> out.add(new ModelUser(rs.getString(1), rs.getString(2))),
        "read who used which model");
    return out;
  }

  /** The group of a row: {@code CASE model WHEN ? THEN ? ... ELSE model END}, or the model when nothing is mapped. */
  private static String group(Map<String, String> groups, List<Object> params) {
    if (groups == null || groups.isEmpty()) return "model";
    StringBuilder sb = new StringBuilder("CASE model");
    for (Map.Entry<String, String> e : new TreeMap<>(groups).entrySet()) {
      if (e.getKey() == null || e.getValue() == null) throw new IllegalArgumentException("a model group needs a model and a name");
      sb.append(" WHEN CAST(? AS VARCHAR) THEN CAST(? AS VARCHAR)");
      params.add(e.getKey());
      params.add(e.getValue());
    }
    return sb.append(" ELSE model END").toString();
  }

  private static void where(Instant from, Instant to, StringBuilder sb, List<Object> params) {
    if (from == null || to == null) throw new IllegalArgumentException("a demand query needs from and to");
    Filters.where(UsageQuery.builder().from(from).to(to).build(), true, sb, params);
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
      throw new StorageException(description + ": could not " + what + ": " + e.getMessage(), e);
    }
  }
}
