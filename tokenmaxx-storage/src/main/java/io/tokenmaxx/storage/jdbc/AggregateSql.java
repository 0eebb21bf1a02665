package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.storage.Dimension;
import io.tokenmaxx.storage.UsageQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * The aggregation statement: the inner select computes each group key (time buckets in the
 * query's zone and week start), the outer one sums. Output columns: the keys, then input, output,
 * cache read, cache write 5m, cache write 1h, reasoning, requests, records, cost, computed cost,
 * reported cost, unpriced records, first and last timestamp in epoch nanoseconds.
 */
final class AggregateSql {
  private AggregateSql() {}

  static Sql build(Dialect d, UsageQuery q) {
    List<Object> params = new ArrayList<>();
    StringBuilder inner = new StringBuilder("SELECT ");
    for (int k = 0; k < q.groupBy().size(); k++) {
      inner.append(keyExpr(d, q, q.groupBy().get(k))).append(" AS k").append(k).append(", ");
    }
    inner.append("input_tokens, output_tokens, cache_read_tokens, cache_write_5m_tokens, ")
        .append("cache_write_1h_tokens, reasoning_tokens, requests, reported_cost, computed_cost, ")
        .append(d.epochNanos("ts", "ts_nanos")).append(" AS t_ns FROM ").append(Tables.USAGE);
    Filters.where(q, true, inner, params);

    StringBuilder sql = new StringBuilder("SELECT ");
    List<String> keys = new ArrayList<>();
    for (int k = 0; k < q.groupBy().size(); k++) keys.add("k" + k);
    for (String k : keys) sql.append(k).append(", ");
    sql.append("CAST(SUM(input_tokens) AS BIGINT), CAST(SUM(output_tokens) AS BIGINT), ")
        .append("CAST(SUM(cache_read_tokens) AS BIGINT), CAST(SUM(cache_write_5m_tokens) AS BIGINT), ")
        .append("CAST(SUM(cache_write_1h_tokens) AS BIGINT), CAST(SUM(reasoning_tokens) AS BIGINT), ")
        .append("CAST(SUM(requests) AS BIGINT), COUNT(*), ")
        .append("SUM(COALESCE(computed_cost, reported_cost)), SUM(computed_cost), SUM(reported_cost), ")
        .append("SUM(CASE WHEN computed_cost IS NULL THEN 1 ELSE 0 END), MIN(t_ns), MAX(t_ns) FROM (")
        .append(inner).append(") q");
    if (!keys.isEmpty()) sql.append(" GROUP BY ").append(String.join(", ", keys));
    return new Sql(sql.toString(), params);
  }

  private static String keyExpr(Dialect d, UsageQuery q, Dimension dim) {
    return switch (dim) {
      case HOUR, DAY, WEEK, MONTH -> d.bucket(dim, "ts", q.zone(), q.weekStart());
      case SESSION -> "session_id";
      case PROJECT -> "project";
      case TOOL -> "tool";
      case PROVIDER -> "provider";
      case MODEL -> "model";
      case PERSON -> "person";
      case SOURCE -> "source";
    };
  }
}
