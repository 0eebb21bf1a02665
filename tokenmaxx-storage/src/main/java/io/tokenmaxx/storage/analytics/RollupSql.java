package io.tokenmaxx.storage.analytics;

import io.tokenmaxx.storage.jdbc.Dialect;
import io.tokenmaxx.storage.jdbc.Tables;

/**
 * The statements that fill the rollups from a relation holding record rows (a staging table or
 * the record table itself): one row per (hour, key) with the sums. Shared by incremental upkeep,
 * recomputation and rebuilds, so the three can never disagree. Rows go in hour order: queries
 * over a date range then skip whole row groups by their min/max hour (measured on 1.9M rollup rows:
 * a 7-day scan 2.7x faster, 90 days 1.5x, than the same rows in hash-aggregate order).
 */
final class RollupSql {
  private RollupSql() {}

  static String usageHourly(Dialect d, String from, String where) {
    return "INSERT INTO " + Tables.USAGE_HOURLY + " SELECT " + d.epochHour("ts") + " AS hour, person, identity_kind, "
        + "identity_value, tool, provider, model, COUNT(*), SUM(requests), SUM(input_tokens), SUM(output_tokens), "
        + "SUM(cache_read_tokens), SUM(cache_write_5m_tokens + cache_write_1h_tokens), SUM(reasoning_tokens), "
        + "SUM(COALESCE(computed_cost, reported_cost, 0)), "
        + "SUM(CASE WHEN computed_cost IS NULL AND reported_cost IS NULL THEN 1 ELSE 0 END) FROM " + from + where
        + " GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1";
  }

  static String sessionHourly(Dialect d, String from, String where) {
    String us = d.epochMicros("ts");
    return "INSERT INTO " + Tables.SESSION_HOURLY + " SELECT " + d.epochHour("ts") + " AS hour, person, identity_kind, "
        + "identity_value, tool, model, session_id, MIN(" + us + "), MAX(" + us + "), COUNT(*), SUM(requests), "
        + "SUM(input_tokens + output_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens "
        + "+ reasoning_tokens), SUM(COALESCE(computed_cost, reported_cost, 0)) FROM " + from
        + (where.isEmpty() ? " WHERE " : where + " AND ") + "session_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1";
  }

  static String outcomeHourly(Dialect d, String from, String where) {
    return "INSERT INTO " + Tables.OUTCOME_HOURLY + " SELECT " + d.epochHour("ts") + " AS hour, person, identity_kind, "
        + "identity_value, kind, COUNT(*), SUM(value) FROM " + from + where + " GROUP BY 1, 2, 3, 4, 5 ORDER BY 1";
  }

  /**
   * Merges the partial rows of hours {@code min..max} (inclusive) into one row per key, into a temp
   * table named {@code into}: exact, since partial rows are sums over disjoint sets of records.
   * (Literal bounds: PostgreSQL takes no parameters in CREATE TABLE AS.)
   */
  static String merge(String rollup, String into, long min, long max) {
    String range = " WHERE hour >= " + min + " AND hour <= " + max;
    String select = switch (rollup) {
      case Tables.USAGE_HOURLY -> "hour, person, identity_kind, identity_value, tool, provider, model, SUM(records) AS records, "
          + "SUM(requests) AS requests, SUM(input_tokens) AS input_tokens, SUM(output_tokens) AS output_tokens, "
          + "SUM(cache_read_tokens) AS cache_read_tokens, SUM(cache_write_tokens) AS cache_write_tokens, "
          + "SUM(reasoning_tokens) AS reasoning_tokens, SUM(cost) AS cost, SUM(unpriced) AS unpriced FROM " + rollup
          + range + " GROUP BY hour, person, identity_kind, identity_value, tool, provider, model";
      case Tables.SESSION_HOURLY -> "hour, person, identity_kind, identity_value, tool, model, session_id, MIN(first_us) AS first_us, "
          + "MAX(last_us) AS last_us, SUM(records) AS records, SUM(requests) AS requests, SUM(tokens) AS tokens, "
          + "SUM(cost) AS cost FROM " + rollup
          + range + " GROUP BY hour, person, identity_kind, identity_value, tool, model, session_id";
      case Tables.OUTCOME_HOURLY -> "hour, person, identity_kind, identity_value, kind, SUM(records) AS records, SUM(value) AS value FROM "
          + rollup + range + " GROUP BY hour, person, identity_kind, identity_value, kind";
      default -> throw new IllegalArgumentException(rollup);
    };
    return "CREATE TEMP TABLE " + into + " AS SELECT " + select;
  }
}
