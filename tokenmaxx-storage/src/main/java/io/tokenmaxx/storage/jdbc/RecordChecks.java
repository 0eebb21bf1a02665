package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.model.Costs;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RecordLimits;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Checks a batch before any of it is written, so that bad input is refused whole with an error
 * naming the record and the field, and never half-stored. The rules are {@link RecordLimits}'
 * (what the record constructors allow but a database cannot keep: costs beyond DECIMAL(38, 18),
 * negative costs or latencies, timestamps outside the stored range, text with NUL characters or
 * broken UTF-16, absurd token counts); transports apply them per record first, so a batch that
 * reaches a store has normally passed them already.
 */
public final class RecordChecks {
  /** Earliest timestamp stored (inclusive). */
  public static final Instant MIN_TIME = RecordLimits.MIN_TIME;
  /** Latest timestamp stored (exclusive): every time zone still formats it with a 4-digit year. */
  public static final Instant MAX_TIME = RecordLimits.MAX_TIME;

  static {
    if (Tables.COST_SCALE != Costs.SCALE || Tables.COST_PRECISION - Tables.COST_SCALE != Costs.MAX_INTEGER_DIGITS) {
      throw new IllegalStateException("the cost columns must keep what Costs normalizes to");
    }
  }

  private RecordChecks() {}

  public static void checkUsage(List<UsageRecord> records) {
    each(records, "usage", UsageRecord::id, RecordLimits::problem);
  }

  public static void checkOutcomes(List<OutcomeRecord> records) {
    each(records, "outcome", OutcomeRecord::id, RecordLimits::problem);
  }

  /**
   * Runs {@code check} on every record; the record is named (kind, position, id) only when
   * something is wrong, since this runs for every record written.
   */
  private static <T> void each(List<T> records, String kind, Function<T, String> id, Function<T, String> check) {
    if (records == null) throw new IllegalArgumentException(kind + " records: the batch is null");
    for (int i = 0; i < records.size(); i++) {
      T r = records.get(i);
      if (r == null) throw new IllegalArgumentException(kind + " record #" + i + " is null");
      String problem = check.apply(r);
      if (problem != null) {
        throw new IllegalArgumentException(kind + " record #" + i + " (id '" + printable(id.apply(r)) + "'): " + problem);
      }
    }
  }

  /** Checks a cost fits DECIMAL(38, 18) exactly and is not negative. */
  public static void checkCost(String where, String field, BigDecimal cost) {
    if (cost == null) return;
    String problem = Costs.problem(cost);
    if (problem == null && cost.stripTrailingZeros().scale() > Costs.SCALE) {
      problem = "has more than " + Costs.SCALE + " decimal places";
    }
    if (problem != null) throw new IllegalArgumentException(where + ": " + field + " " + problem);
  }

  /** Text must be storable as UTF-8 in every backend: no NUL, no unpaired surrogate. */
  public static void checkText(String where, String field, String s) {
    String reason = RecordLimits.textReason(s);
    if (reason != null) throw new IllegalArgumentException(where + ": " + field + " " + reason);
  }

  private static String printable(String id) {
    if (id == null) return "null";
    String s = id.length() > 80 ? id.substring(0, 80) + "..." : id;
    return s.replace("\u0000", "\\0");
  }
}
