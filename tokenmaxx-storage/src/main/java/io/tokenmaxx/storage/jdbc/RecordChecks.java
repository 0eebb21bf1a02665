package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Checks a batch before any of it is written, so that bad input is refused whole with an error
 * naming the record and the field, and never half-stored. Covers what the record constructors
 * allow but a database cannot keep exactly: costs beyond DECIMAL(38, 18), negative costs or
 * latencies, timestamps outside the stored range, text with NUL characters or broken UTF-16.
 */
public final class RecordChecks {
  /** Earliest timestamp stored (inclusive). */
  public static final Instant MIN_TIME = Instant.parse("1970-01-01T00:00:00Z");
  /** Latest timestamp stored (exclusive): every time zone still formats it with a 4-digit year. */
  public static final Instant MAX_TIME = Instant.parse("9999-01-01T00:00:00Z");

  private static final int MAX_INTEGER_DIGITS = Tables.COST_PRECISION - Tables.COST_SCALE;

  private RecordChecks() {}

  public static void checkUsage(List<UsageRecord> records) {
    if (records == null) throw new IllegalArgumentException("usage records: the batch is null");
    for (int i = 0; i < records.size(); i++) {
      UsageRecord r = records.get(i);
      if (r == null) throw new IllegalArgumentException("usage record #" + i + " is null");
      String where = "usage record #" + i + " (id '" + printable(r.id()) + "')";
      checkId(where, r.id());
      checkTime(where, r.timestamp());
      checkText(where, "source", r.source());
      checkText(where, "tool", r.tool());
      checkText(where, "provider", r.provider());
      checkText(where, "model", r.model());
      checkText(where, "person", r.person());
      checkIdentity(where, r.identity());
      checkText(where, "sessionId", r.sessionId());
      checkText(where, "project", r.project());
      checkCost(where, "reportedCost", r.reportedCost());
      checkCost(where, "computedCost", r.computedCost());
      checkText(where, "priceRef", r.priceRef());
      if (r.latencyMs() != null && r.latencyMs() < 0) {
        throw new IllegalArgumentException(where + ": latencyMs must be >= 0, was " + r.latencyMs());
      }
      checkText(where, "status", r.status());
      checkText(where, "promptHash", r.promptHash());
    }
  }

  public static void checkOutcomes(List<OutcomeRecord> records) {
    if (records == null) throw new IllegalArgumentException("outcome records: the batch is null");
    for (int i = 0; i < records.size(); i++) {
      OutcomeRecord r = records.get(i);
      if (r == null) throw new IllegalArgumentException("outcome record #" + i + " is null");
      String where = "outcome record #" + i + " (id '" + printable(r.id()) + "')";
      checkId(where, r.id());
      checkTime(where, r.timestamp());
      checkText(where, "source", r.source());
      checkText(where, "tool", r.tool());
      checkText(where, "person", r.person());
      checkIdentity(where, r.identity());
      checkText(where, "sessionId", r.sessionId());
      checkText(where, "project", r.project());
      checkText(where, "detail", r.detail());
    }
  }

  private static void checkId(String where, String id) {
    if (id.isBlank()) throw new IllegalArgumentException(where + ": id must not be blank");
    checkText(where, "id", id);
  }

  private static void checkTime(String where, Instant t) {
    if (t.isBefore(MIN_TIME) || !t.isBefore(MAX_TIME)) {
      throw new IllegalArgumentException(where + ": timestamp " + t + " is outside the stored range ["
          + MIN_TIME + ", " + MAX_TIME + ")");
    }
  }

  private static void checkIdentity(String where, RawIdentity identity) {
    if (identity != null) checkText(where, "identity", identity.value());
  }

  /** Checks a cost fits DECIMAL(38, 18) exactly and is not negative. */
  public static void checkCost(String where, String field, BigDecimal cost) {
    if (cost == null) return;
    if (cost.signum() < 0) {
      throw new IllegalArgumentException(where + ": " + field + " must be >= 0, was " + cost.toPlainString());
    }
    BigDecimal n = cost.stripTrailingZeros();
    if (n.scale() > Tables.COST_SCALE) {
      throw new IllegalArgumentException(where + ": " + field + " " + cost.toPlainString() + " has "
          + n.scale() + " decimal places; at most " + Tables.COST_SCALE + " are stored exactly");
    }
    if (n.precision() - n.scale() > MAX_INTEGER_DIGITS) {
      throw new IllegalArgumentException(where + ": " + field + " " + cost.toPlainString()
          + " is too large; at most " + MAX_INTEGER_DIGITS + " integer digits are stored");
    }
  }

  /** Text must be storable as UTF-8 in every backend: no NUL, no unpaired surrogate. */
  public static void checkText(String where, String field, String s) {
    if (s == null) return;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) {
        throw new IllegalArgumentException(where + ": " + field + " contains a NUL character at index " + i);
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          throw new IllegalArgumentException(where + ": " + field + " contains an unpaired surrogate at index " + i);
        }
      }
    }
  }

  private static String printable(String id) {
    if (id == null) return "null";
    String s = id.length() > 80 ? id.substring(0, 80) + "..." : id;
    return s.replace("\u0000", "\\0");
  }
}
