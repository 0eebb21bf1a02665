package io.tokenmaxx.collect.otlp;

/**
 * Prefixes of the ids of records made from OTLP. The rest of an id is 32 hex characters of a
 * digest of what identifies the record, so a client that retries an export gets the same ids and
 * the idempotent store keeps one copy (log events put their time first, see {@link #logUsageId}):
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

  /**
   * The id of a usage record made from a log event: {@code otlp:l:} then, for events at or after
   * {@code timedSince}, the event's time in seconds since the epoch as 10 hex digits and a colon,
   * then the digest. Events arrive roughly in time order, so time-led ids are inserted next to one
   * another in the store's primary-key index instead of at random places in it (random 128-bit
   * digests alone cost the ingest writer about a sixth of its time at 100k records/s). Events
   * before {@code timedSince} keep the digest-only ids of earlier versions, so an export stored
   * before an upgrade and re-sent after it gets the id it was stored under. Either way the id
   * depends only on the event (and that fixed instant): a retried export gets the same ids.
   */
  public static String logUsageId(java.time.Instant time, java.time.Instant timedSince, String digestHex) {
    if (time.isBefore(timedSince) || time.getEpochSecond() < 0) return LOG_USAGE_PREFIX + digestHex;
    String secs = Long.toHexString(time.getEpochSecond());
    StringBuilder sb = new StringBuilder(LOG_USAGE_PREFIX.length() + 11 + digestHex.length()).append(LOG_USAGE_PREFIX);
    for (int i = secs.length(); i < 10; i++) sb.append('0');
    return sb.append(secs).append(':').append(digestHex).toString();
  }
}
