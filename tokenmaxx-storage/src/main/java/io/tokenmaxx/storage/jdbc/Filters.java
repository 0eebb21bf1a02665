package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.storage.UsageQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * The WHERE clause of a {@link UsageQuery}. Timestamps are stored as a microsecond TIMESTAMPTZ
 * ({@code ts}) plus the nanoseconds below it ({@code ts_nanos}), so bounds with sub-microsecond
 * parts compare on both columns and match {@code UsageAggregator.matches} exactly.
 */
final class Filters {
  private Filters() {}

  /** Appends {@code WHERE ...} (or nothing) to {@code sql} and the values to {@code params}. */
  static void where(UsageQuery q, boolean withModels, StringBuilder sql, List<Object> params) {
    StringBuilder w = new StringBuilder();
    if (q.from() != null) {
      and(w);
      int sub = subMicros(q.from());
      if (sub == 0) {
        w.append("ts >= ?");
        params.add(micros(q.from()));
      } else {
        w.append("(ts > ? OR (ts = ? AND ts_nanos >= ?))");
        params.add(micros(q.from()));
        params.add(micros(q.from()));
        params.add(sub);
      }
    }
    if (q.to() != null) {
      and(w);
      int sub = subMicros(q.to());
      if (sub == 0) {
        w.append("ts < ?");
        params.add(micros(q.to()));
      } else {
        w.append("(ts < ? OR (ts = ? AND ts_nanos < ?))");
        params.add(micros(q.to()));
        params.add(micros(q.to()));
        params.add(sub);
      }
    }
    in(w, params, "person", q.persons());
    in(w, params, "tool", q.tools());
    if (withModels) in(w, params, "model", q.models());
    in(w, params, "project", q.projects());
    if (!w.isEmpty()) sql.append(" WHERE ").append(w);
  }

  private static void in(StringBuilder w, List<Object> params, String column, Set<String> values) {
    if (values.isEmpty()) return;
    and(w);
    w.append(column).append(" IN (");
    boolean first = true;
    for (String v : values.stream().sorted().toList()) {
      w.append(first ? "?" : ", ?");
      first = false;
      params.add(v);
    }
    w.append(')');
  }

  private static void and(StringBuilder w) {
    if (!w.isEmpty()) w.append(" AND ");
  }

  /** The instant truncated to whole microseconds, as the driver binds a TIMESTAMPTZ. */
  static OffsetDateTime micros(Instant t) {
    return OffsetDateTime.ofInstant(t.minusNanos(subMicros(t)), ZoneOffset.UTC);
  }

  /** Nanoseconds below the microsecond (0..999). */
  static int subMicros(Instant t) {
    return t.getNano() % 1000;
  }
}
