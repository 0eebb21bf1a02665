package io.tokenmaxx.storage.analytics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Conditions joined with AND, and the values of their placeholders in order. */
final class Where {
  private final List<String> conditions = new ArrayList<>();
  final List<Object> params = new ArrayList<>();

  Where add(String condition, Object... values) {
    conditions.add(condition);
    params.addAll(List.of(values));
    return this;
  }

  /** {@code column IN (?, ...)} (never true for an empty set). */
  Where in(String column, Collection<String> values) {
    if (values.isEmpty()) return add("1 = 0");
    StringBuilder sb = new StringBuilder(column).append(" IN (");
    boolean first = true;
    for (String v : values.stream().sorted().toList()) {
      sb.append(first ? "?" : ", ?");
      first = false;
      params.add(v);
    }
    conditions.add(sb.append(')').toString());
    return this;
  }

  /** {@code " WHERE a AND b"}, or nothing. */
  String sql() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** {@code " AND a AND b"}, or nothing (for appending to an existing WHERE). */
  String and() {
    return conditions.isEmpty() ? "" : " AND " + String.join(" AND ", conditions);
  }
}
