package io.tokenmaxx.server.api;

import io.helidon.common.parameters.Parameters;
import io.tokenmaxx.analyze.AnalyticsFilter;
import io.tokenmaxx.analyze.LeaderboardMeasure;
import io.tokenmaxx.analyze.LeaderboardMode;
import io.tokenmaxx.server.http.ApiError;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and validates the query parameters of the analytics API; a bad value is a 400 naming the
 * parameter. Set-valued filters may be repeated ({@code team=a&team=b}) or comma-separated.
 */
final class QueryParams {
  static final String FROM = "from";
  static final String TO = "to";
  static final String TZ = "tz";
  static final String DEPARTMENT = "department";
  static final String TEAM = "team";
  static final String TOOL = "tool";
  static final String MODEL = "model";
  static final String MEASURE = "measure";
  static final String MODE = "mode";
  static final String ADJUST = "adjust";
  static final String LIMIT = "limit";
  static final String FORMAT = "format";
  static final String TABLE = "table";

  private final Parameters query;

  QueryParams(Parameters query) {
    this.query = query;
  }

  AnalyticsFilter filter() {
    AnalyticsFilter.Builder b = AnalyticsFilter.builder()
        .from(date(FROM)).to(date(TO)).zone(zone())
        .departments(set(DEPARTMENT)).teams(set(TEAM)).tools(set(TOOL)).models(set(MODEL));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(FROM, e.getMessage());
    }
  }

  LocalDate date(String name) {
    String v = single(name);
    if (v == null) return null;
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest(name, "must be a date like 2026-11-20, was '" + v + "'");
    }
  }

  private ZoneId zone() {
    String v = single(TZ);
    if (v == null) return null;
    try {
      return ZoneId.of(v);
    } catch (DateTimeException e) {
      throw ApiError.badRequest(TZ, "must be a time zone id like Europe/Berlin or UTC, was '" + v + "'");
    }
  }

  Set<String> set(String name) {
    if (!query.contains(name)) return Set.of();
    Set<String> out = new LinkedHashSet<>();
    for (String v : query.all(name)) {
      for (String part : v.split(",")) {
        String p = part.strip();
        if (!p.isEmpty()) out.add(p);
      }
    }
    if (out.size() > 200) throw ApiError.badRequest(name, "at most 200 values, got " + out.size());
    return out;
  }

  String single(String name) {
    if (!query.contains(name)) return null;
    List<String> all = query.all(name);
    if (all.size() > 1) throw ApiError.badRequest(name, "give it once, got " + all.size() + " values");
    String v = all.getFirst().strip();
    return v.isEmpty() ? null : v;
  }

  LeaderboardMeasure measure() {
    String v = single(MEASURE);
    if (v == null) return LeaderboardMeasure.TOKENS;
    try {
      return LeaderboardMeasure.parse(v);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(MEASURE, e.getMessage());
    }
  }

  LeaderboardMode mode() {
    String v = single(MODE);
    if (v == null) return LeaderboardMode.PSEUDONYMOUS;
    try {
      return LeaderboardMode.parse(v);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(MODE, e.getMessage());
    }
  }

  /**
   * Leaderboard adjustments by key: repeatable and/or comma-separated ({@code adjust=exclude-flagged});
   * null when the request names none (the organization's default rule applies; {@code adjust=none} is the plain ranking).
   */
  List<String> adjustments() {
    List<String> out = new java.util.ArrayList<>();
    if (!query.contains(ADJUST)) return null;
    for (String v : query.all(ADJUST)) {
      for (String k : v.split(",")) if (!k.isBlank()) out.add(k.strip());
    }
    return out;
  }

  int limit(int fallback, int max) {
    String v = single(LIMIT);
    if (v == null) return fallback;
    try {
      int n = Integer.parseInt(v);
      if (n < 1 || n > max) throw ApiError.badRequest(LIMIT, "must be within 1.." + max + ", was " + n);
      return n;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(LIMIT, "must be a whole number, was '" + v + "'");
    }
  }

  /** True when CSV is asked for ({@code format=csv}); JSON otherwise. */
  boolean csv() {
    String v = single(FORMAT);
    if (v == null || v.equalsIgnoreCase("json")) return false;
    if (v.equalsIgnoreCase("csv")) return true;
    throw ApiError.badRequest(FORMAT, "must be json or csv, was '" + v + "'");
  }
}
