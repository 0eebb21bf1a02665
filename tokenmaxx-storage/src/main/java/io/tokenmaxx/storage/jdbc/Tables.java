package io.tokenmaxx.storage.jdbc;

import java.util.List;

/** Names of the tables and their columns, in the order writers fill them. */
public final class Tables {
  public static final String USAGE = "usage_record";
  public static final String OUTCOME = "outcome_record";
  public static final String SCHEMA_VERSION = "tokenmaxx_schema_version";
  public static final String USAGE_HOURLY = "usage_hourly";
  public static final String SESSION_HOURLY = "session_hourly";
  public static final String OUTCOME_HOURLY = "outcome_hourly";
  public static final String AUDIT_LOG = "audit_log";

  /**
   * Tables whose rows carry a raw identity and the person it was attributed to: re-attributing
   * an identity updates them all in one transaction, with the same condition, so the analytics
   * rollups stay equal to sums over the records.
   */
  public static final List<String> ATTRIBUTED = List.of(USAGE, OUTCOME, USAGE_HOURLY, SESSION_HOURLY, OUTCOME_HOURLY);

  public static final List<String> USAGE_COLUMNS = List.of(
      "id", "ts", "ts_nanos", "source", "tool", "provider", "model", "person", "identity_kind",
      "identity_value", "session_id", "project", "input_tokens", "output_tokens",
      "cache_read_tokens", "cache_write_5m_tokens", "cache_write_1h_tokens", "reasoning_tokens",
      "requests", "reported_cost", "computed_cost", "price_ref", "latency_ms", "status",
      "prompt_hash");

  public static final List<String> OUTCOME_COLUMNS = List.of(
      "id", "ts", "ts_nanos", "source", "tool", "kind", "value", "person", "identity_kind",
      "identity_value", "session_id", "project", "detail");

  /** Costs are stored as DECIMAL(38, 18): 20 integer digits, 18 fractional (see RATIONALE.md). */
  public static final int COST_PRECISION = 38;
  public static final int COST_SCALE = 18;

  private Tables() {}

  /** {@code a, b, c}. */
  public static String columnList(List<String> columns) {
    return String.join(", ", columns);
  }

  /** {@code a = EXCLUDED.a, ...} for every column but the first (the id). */
  public static String updateFromExcluded(List<String> columns) {
    StringBuilder sb = new StringBuilder();
    for (String c : columns.subList(1, columns.size())) {
      if (!sb.isEmpty()) sb.append(", ");
      sb.append(c).append(" = EXCLUDED.").append(c);
    }
    return sb.toString();
  }
}
