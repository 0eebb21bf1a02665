package io.tokenmaxx.storage.analytics;

import io.tokenmaxx.storage.jdbc.Dialect;
import io.tokenmaxx.storage.jdbc.Tables;

/**
 * The statements that fill the rollups from a relation holding record rows (a staging table or
 * the record table itself): one row per (hour, key) with the sums. Shared by incremental upkeep,
 * recomputation and rebuilds, so the three can never disagree.
 */
final class RollupSql {
  private RollupSql() {}

  static String usageHourly(Dialect d, String from, String where) {
    return "INSERT INTO " + Tables.USAGE_HOURLY + " SELECT " + d.epochHour("ts") + " AS hour, person, identity_kind, "
        + "identity_value, tool, provider, model, COUNT(*), SUM(requests), SUM(input_tokens), SUM(output_tokens), "
        + "SUM(cache_read_tokens), SUM(cache_write_5m_tokens + cache_write_1h_tokens), SUM(reasoning_tokens), "
        + "SUM(COALESCE(computed_cost, reported_cost, 0)), "
        + "SUM(CASE WHEN computed_cost IS NULL AND reported_cost IS NULL THEN 1 ELSE 0 END) FROM " + from + where
        + " GROUP BY 1, 2, 3, 4, 5, 6, 7";
  }

  static String sessionHourly(Dialect d, String from, String where) {
    String us = d.epochMicros("ts");
    return "INSERT INTO " + Tables.SESSION_HOURLY + " SELECT " + d.epochHour("ts") + " AS hour, person, identity_kind, "
        + "identity_value, tool, model, session_id, MIN(" + us + "), MAX(" + us + "), COUNT(*), SUM(requests), "
        + "SUM(input_tokens + output_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens "
        + "+ reasoning_tokens), SUM(COALESCE(computed_cost, reported_cost, 0)) FROM " + from
        + (where.isEmpty() ? " WHERE " : where + " AND ") + "session_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7";
  }

  static String outcomeHourly(Dialect d, String from, String where) {
    return "INSERT INTO " + Tables.OUTCOME_HOURLY + " SELECT " + d.epochHour("ts") + " AS hour, person, identity_kind, "
        + "identity_value, kind, COUNT(*), SUM(value) FROM " + from + where + " GROUP BY 1, 2, 3, 4, 5";
  }
}
