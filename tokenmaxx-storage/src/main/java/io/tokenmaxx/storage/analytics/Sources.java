package io.tokenmaxx.storage.analytics;

import io.tokenmaxx.analyze.store.Scope;
import io.tokenmaxx.storage.jdbc.Dialect;
import io.tokenmaxx.storage.jdbc.SqlArray;
import io.tokenmaxx.storage.jdbc.Tables;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The rows analytics queries read, as subqueries with one shape whether they come from a rollup
 * (exact for zones with whole-hour offsets) or from the records themselves (any zone): the time
 * as UTC minutes since the epoch ({@code tmin}), the keys, and the sums. Scope filters (time range,
 * tools, models, people) are applied inside.
 */
final class Sources {
  private final Dialect d;

  Sources(Dialect d) {
    this.d = d;
  }

  static final String TOKENS = "input_tokens + output_tokens + cache_read_tokens + cache_write_5m_tokens "
      + "+ cache_write_1h_tokens + reasoning_tokens";

  /**
   * Usage rows: tmin, person, identity_kind, identity_value, tool, provider, model, records,
   * requests, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens,
   * reasoning_tokens, tokens, cost, unpriced. {@code from}/{@code to} null: all time.
   */
  String usage(Scope s, boolean rollup, Instant from, Instant to, List<Object> params) {
    Where w = new Where();
    StringBuilder sb = new StringBuilder("(SELECT ");
    if (rollup) {
      range(w, true, from, to);
      sb.append("hour * 60 AS tmin, person, identity_kind, identity_value, tool, provider, model, records, requests, ")
          .append("input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens, ")
          .append("input_tokens + output_tokens + cache_read_tokens + cache_write_tokens + reasoning_tokens AS tokens, ")
          .append("cost, unpriced FROM ").append(Tables.USAGE_HOURLY);
    } else {
      range(w, false, from, to);
      sb.append(d.intDiv(d.epochMicros("ts"), "60000000")).append(" AS tmin, person, identity_kind, identity_value, ")
          .append("tool, provider, model, 1 AS records, requests, input_tokens, output_tokens, cache_read_tokens, ")
          .append("cache_write_5m_tokens + cache_write_1h_tokens AS cache_write_tokens, reasoning_tokens, ")
          .append(TOKENS).append(" AS tokens, COALESCE(computed_cost, reported_cost, 0) AS cost, ")
          .append("CASE WHEN computed_cost IS NULL AND reported_cost IS NULL THEN 1 ELSE 0 END AS unpriced FROM ")
          .append(Tables.USAGE);
    }
    if (!s.tools().isEmpty()) w.in("tool", s.tools());
    if (!s.models().isEmpty()) w.in("model", s.models());
    people(s, w, "person");
    params.addAll(w.params);
    return sb.append(w.sql()).append(')').toString();
  }

  /**
   * Session parts: person, tool, session_id, model, first_us, last_us, requests, records, tokens, cost.
   */
  String sessions(Scope s, boolean rollup, Instant from, Instant to, List<Object> params) {
    Where w = new Where();
    StringBuilder sb = new StringBuilder("(SELECT ");
    if (rollup) {
      range(w, true, from, to);
      sb.append("person, tool, session_id, model, first_us, last_us, requests, records, tokens, cost FROM ")
          .append(Tables.SESSION_HOURLY);
    } else {
      range(w, false, from, to);
      w.add("session_id IS NOT NULL");
      String us = d.epochMicros("ts");
      sb.append("person, tool, session_id, model, ").append(us).append(" AS first_us, ").append(us)
          .append(" AS last_us, requests, 1 AS records, ").append(TOKENS)
          .append(" AS tokens, COALESCE(computed_cost, reported_cost, 0) AS cost FROM ").append(Tables.USAGE);
    }
    if (!s.tools().isEmpty()) w.in("tool", s.tools());
    if (!s.models().isEmpty()) w.in("model", s.models());
    people(s, w, "person");
    params.addAll(w.params);
    return sb.append(w.sql()).append(')').toString();
  }

  /** Outcome rows: tmin, person, identity_kind, identity_value, kind, records, value (not filtered by tool or model). */
  String outcomes(Scope s, boolean rollup, Instant from, Instant to, List<Object> params) {
    Where w = new Where();
    StringBuilder sb = new StringBuilder("(SELECT ");
    if (rollup) {
      range(w, true, from, to);
      sb.append("hour * 60 AS tmin, person, identity_kind, identity_value, kind, records, value FROM ")
          .append(Tables.OUTCOME_HOURLY);
    } else {
      range(w, false, from, to);
      sb.append(d.intDiv(d.epochMicros("ts"), "60000000"))
          .append(" AS tmin, person, identity_kind, identity_value, kind, 1 AS records, value FROM ").append(Tables.OUTCOME);
    }
    people(s, w, "person");
    params.addAll(w.params);
    return sb.append(w.sql()).append(')').toString();
  }

  private static void range(Where w, boolean rollup, Instant from, Instant to) {
    if (rollup) {
      if (from != null) w.add("hour >= ?", Math.floorDiv(from.getEpochSecond(), 3600));
      if (to != null) w.add("hour < ?", Math.floorDiv(to.getEpochSecond() + 3599, 3600));
    } else {
      if (from != null) w.add("ts >= ?", OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
      if (to != null) w.add("ts < ?", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
    }
  }

  /** Sets of people larger than this are bound as one array rather than a placeholder each. */
  static final int ARRAY_FROM = 32;

  /** The scope's people filters on a person-id column. */
  void people(Scope s, Where w, String column) {
    if (s.persons() != null && s.persons().size() > ARRAY_FROM) {
      w.add(d.inTextArray(column), new SqlArray(d.textArrayType(), s.persons().stream().sorted().toList()));
    } else if (s.persons() != null) {
      w.in(column, s.persons());
    }
    if (!s.departments().isEmpty() || !s.teams().isEmpty()) {
      Where p = new Where();
      if (!s.departments().isEmpty()) p.in("department", s.departments());
      if (!s.teams().isEmpty()) p.in("team", s.teams());
      w.add(column + " IN (SELECT id FROM person" + p.sql() + ")", p.params.toArray());
    } else if (s.knownPeopleOnly()) {
      w.add(column + " IN (SELECT id FROM person)");
    }
  }
}
