package io.tokenmaxx.model;

import java.time.Instant;

/**
 * What every store can keep of a record, checked one record at a time so that a transport can
 * refuse a bad record on its own (naming the field) while keeping the rest of its batch: ids and
 * text without NUL characters or unpaired surrogates, timestamps in the stored range, token counts
 * at most {@link #MAX_TOKENS}, costs as {@link Costs} says, no negative latency. The stores check
 * the same rules again before writing anything.
 */
public final class RecordLimits {
  /** Earliest timestamp stored (inclusive). */
  public static final Instant MIN_TIME = Instant.parse("1970-01-01T00:00:00Z");
  /** Latest timestamp stored (exclusive): every time zone still formats it with a 4-digit year. */
  public static final Instant MAX_TIME = Instant.parse("9999-01-01T00:00:00Z");
  /**
   * The largest token count a record may carry in one field: 10^15 tokens is not a real request or
   * interval, and sums of a few such values stay far from overflowing 64 bits.
   */
  public static final long MAX_TOKENS = 1_000_000_000_000_000L;

  private RecordLimits() {}

  /** What is wrong with a usage record for storing it, as "field: reason"; null when it fits. */
  public static String problem(UsageRecord r) {
    String p = id(r.id());
    if (p == null) p = time(r.timestamp());
    if (p == null) p = textProblem("source", r.source());
    if (p == null) p = textProblem("tool", r.tool());
    if (p == null) p = textProblem("provider", r.provider());
    if (p == null) p = textProblem("model", r.model());
    if (p == null) p = textProblem("person", r.person());
    if (p == null && r.identity() != null) p = textProblem("identity", r.identity().value());
    if (p == null) p = textProblem("sessionId", r.sessionId());
    if (p == null) p = textProblem("project", r.project());
    if (p == null) p = textProblem("priceRef", r.priceRef());
    if (p == null) p = textProblem("status", r.status());
    if (p == null) p = textProblem("promptHash", r.promptHash());
    if (p == null) p = tokens("inputTokens", r.inputTokens());
    if (p == null) p = tokens("outputTokens", r.outputTokens());
    if (p == null) p = tokens("cacheReadTokens", r.cacheReadTokens());
    if (p == null) p = tokens("cacheWrite5mTokens", r.cacheWrite5mTokens());
    if (p == null) p = tokens("cacheWrite1hTokens", r.cacheWrite1hTokens());
    if (p == null) p = tokens("reasoningTokens", r.reasoningTokens());
    if (p == null && r.reportedCost() != null && (p = Costs.problem(r.reportedCost())) != null) p = "reportedCost: " + p;
    if (p == null && r.computedCost() != null && (p = Costs.problem(r.computedCost())) != null) p = "computedCost: " + p;
    if (p == null && r.latencyMs() != null && r.latencyMs() < 0) p = "latencyMs: must not be negative, was " + r.latencyMs();
    return p;
  }

  /** What is wrong with an outcome record for storing it, as "field: reason"; null when it fits. */
  public static String problem(OutcomeRecord r) {
    String p = id(r.id());
    if (p == null) p = time(r.timestamp());
    if (p == null) p = textProblem("source", r.source());
    if (p == null) p = textProblem("tool", r.tool());
    if (p == null) p = textProblem("person", r.person());
    if (p == null && r.identity() != null) p = textProblem("identity", r.identity().value());
    if (p == null) p = textProblem("sessionId", r.sessionId());
    if (p == null) p = textProblem("project", r.project());
    if (p == null) p = textProblem("detail", r.detail());
    return p;
  }

  private static String id(String id) {
    if (id.isBlank()) return "id: must not be blank";
    return textProblem("id", id);
  }

  private static String time(Instant t) {
    if (t.isBefore(MIN_TIME) || !t.isBefore(MAX_TIME)) {
      return "timestamp: " + t + " is outside the stored range [" + MIN_TIME + ", " + MAX_TIME + ")";
    }
    return null;
  }

  private static String tokens(String field, long n) {
    return n > MAX_TOKENS ? field + ": " + n + " is over the limit of " + MAX_TOKENS + " tokens in one record" : null;
  }

  /** "field: reason" when {@code s} cannot be stored as text ({@link #textReason}), else null. */
  public static String textProblem(String field, String s) {
    String reason = textReason(s);
    return reason == null ? null : field + ": " + reason;
  }

  /**
   * Why {@code s} cannot be stored as text in every backend (UTF-8: no NUL, no unpaired
   * surrogate), e.g. "contains a NUL character at index 3"; null when it can (or is null).
   */
  public static String textReason(String s) {
    if (s == null) return null;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if ((char) (c - 1) < 0xD7FF) continue; // one test for the common case: neither NUL nor >= U+D800
      if (c == 0) return "contains a NUL character at index " + i;
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return "contains an unpaired surrogate at index " + i;
        }
      }
    }
    return null;
  }
}
