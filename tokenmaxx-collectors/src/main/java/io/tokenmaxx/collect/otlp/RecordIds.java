package io.tokenmaxx.collect.otlp;

/**
 * Prefixes of the ids of records made from OTLP. The rest of an id is 32 hex characters of a
 * digest of what identifies the record, so a client that retries an export gets the same ids and
 * the idempotent store keeps one copy:
 * <ul>
 *   <li>metric records: resource attributes, scope, metric family, data point attributes, series
 *       start time and the point's time (the end of its window);</li>
 *   <li>log event records: tool, event name, session, event sequence, timestamp, prompt and
 *       request ids, model and token counts;</li>
 *   <li>span records: trace id and span id.</li>
 * </ul>
 */
public final class RecordIds {
  /** Usage derived from metrics (token counters, GenAI token histograms). Retractable. */
  public static final String METRIC_USAGE_PREFIX = "otlp:m:";
  /** Usage derived from per-request log events. */
  public static final String LOG_USAGE_PREFIX = "otlp:l:";
  /** Usage derived from GenAI spans. */
  public static final String SPAN_USAGE_PREFIX = "otlp:s:";
  /** Outcomes (commits, lines, edit decisions, active time, sessions) derived from metrics. */
  public static final String OUTCOME_PREFIX = "otlp:o:";

  private RecordIds() {}
}
