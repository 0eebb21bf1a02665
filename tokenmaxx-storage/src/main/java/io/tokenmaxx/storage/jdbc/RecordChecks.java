package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

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
    each(records, "usage", UsageRecord::id, r -> {
      id(r.id());
      time(r.timestamp());
      text("source", r.source());
      text("tool", r.tool());
      text("provider", r.provider());
      text("model", r.model());
      text("person", r.person());
      if (r.identity() != null) text("identity", r.identity().value());
      text("sessionId", r.sessionId());
      text("project", r.project());
      cost("reportedCost", r.reportedCost());
      cost("computedCost", r.computedCost());
      text("priceRef", r.priceRef());
      if (r.latencyMs() != null && r.latencyMs() < 0) throw new Invalid("latencyMs must be >= 0, was " + r.latencyMs());
      text("status", r.status());
      text("promptHash", r.promptHash());
    });
  }

  public static void checkOutcomes(List<OutcomeRecord> records) {
    each(records, "outcome", OutcomeRecord::id, r -> {
      id(r.id());
      time(r.timestamp());
      text("source", r.source());
      text("tool", r.tool());
      text("person", r.person());
      if (r.identity() != null) text("identity", r.identity().value());
      text("sessionId", r.sessionId());
      text("project", r.project());
      text("detail", r.detail());
    });
  }

  /**
   * Runs {@code checks} on every record; the record is named (kind, position, id) only when
   * something is wrong, since this runs for every record written.
   */
  private static <T> void each(List<T> records, String kind, Function<T, String> id, Consumer<T> checks) {
    if (records == null) throw new IllegalArgumentException(kind + " records: the batch is null");
    for (int i = 0; i < records.size(); i++) {
      T r = records.get(i);
      if (r == null) throw new IllegalArgumentException(kind + " record #" + i + " is null");
      try {
        checks.accept(r);
      } catch (Invalid e) {
        throw new IllegalArgumentException(kind + " record #" + i + " (id '" + printable(id.apply(r)) + "'): " + e.getMessage());
      }
    }
  }

  /** What is wrong with one field, before the record it belongs to is named. */
  private static final class Invalid extends RuntimeException {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  private static void id(String id) {
    if (id.isBlank()) throw new Invalid("id must not be blank");
    text("id", id);
  }

  private static void time(Instant t) {
    if (t.isBefore(MIN_TIME) || !t.isBefore(MAX_TIME)) {
      throw new Invalid("timestamp " + t + " is outside the stored range [" + MIN_TIME + ", " + MAX_TIME + ")");
    }
  }

  /** Checks a cost fits DECIMAL(38, 18) exactly and is not negative. */
  public static void checkCost(String where, String field, BigDecimal cost) {
    try {
      cost(field, cost);
    } catch (Invalid e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage());
    }
  }

  private static void cost(String field, BigDecimal cost) {
    if (cost == null) return;
    if (cost.signum() < 0) throw new Invalid(field + " must be >= 0, was " + cost.toPlainString());
    int scale = cost.scale();
    if (scale >= 0 && scale <= Tables.COST_SCALE && cost.precision() - scale <= MAX_INTEGER_DIGITS) {
      return; // fits as it is: no need to strip zeros (which divides, digit by digit)
    }
    BigDecimal n = cost.stripTrailingZeros();
    if (n.scale() > Tables.COST_SCALE) {
      throw new Invalid(field + " " + cost.toPlainString() + " has " + n.scale() + " decimal places; at most "
          + Tables.COST_SCALE + " are stored exactly");
    }
    if (n.precision() - n.scale() > MAX_INTEGER_DIGITS) {
      throw new Invalid(field + " " + cost.toPlainString() + " is too large; at most " + MAX_INTEGER_DIGITS
          + " integer digits are stored");
    }
  }

  /** Text must be storable as UTF-8 in every backend: no NUL, no unpaired surrogate. */
  public static void checkText(String where, String field, String s) {
    try {
      text(field, s);
    } catch (Invalid e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage());
    }
  }

  private static void text(String field, String s) {
    if (s == null) return;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if ((char) (c - 1) < 0xD7FF) continue; // one test for the common case: neither NUL nor >= U+D800
      if (c == 0) throw new Invalid(field + " contains a NUL character at index " + i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          throw new Invalid(field + " contains an unpaired surrogate at index " + i);
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
