package io.tokenmaxx.server.web;

import io.tokenmaxx.analyze.AnalyticsFilter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * The filters every page takes from its query string — {@code from}, {@code to} (yyyy-MM-dd,
 * inclusive), {@code department}, {@code team}, {@code tool}, {@code model} — validated and resolved
 * (missing dates: the default range ending today). They stay in the URL, so a filtered page is a
 * link to share. Values are matched exactly as data, never spliced into SQL.
 *
 * @param query     the filter parameters as given (for links that keep them)
 * @param analytics the resolved filter
 */
public record Filters(QueryString query, AnalyticsFilter analytics) {
  public static final List<String> KEYS = List.of("from", "to", "department", "team", "tool", "model");
  private static final int MAX_VALUE = 200;

  /** Parses the filters of a query string; a bad value is a 400 naming the parameter. */
  public static Filters parse(QueryString q, Clock clock, ZoneId zone) {
    LocalDate from = date(q, "from");
    LocalDate to = date(q, "to");
    AnalyticsFilter f;
    try {
      f = AnalyticsFilter.builder().from(from).to(to).zone(zone)
          .departments(set(q, "department")).teams(set(q, "team")).tools(set(q, "tool")).models(set(q, "model"))
          .build().resolve(clock, zone);
    } catch (IllegalArgumentException e) {
      throw WebError.badParameter(from != null ? "from" : "to", e.getMessage());
    }
    return new Filters(q.only(KEYS), f);
  }

  private static LocalDate date(QueryString q, String key) {
    String v = q.get(key);
    if (v == null || v.isBlank()) return null;
    try {
      return LocalDate.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw WebError.badParameter(key, "expected a date as yyyy-MM-dd");
    }
  }

  private static Set<String> set(QueryString q, String key) {
    String v = q.get(key);
    if (v == null || v.isBlank()) return Set.of();
    if (v.length() > MAX_VALUE) throw WebError.badParameter(key, "longer than " + MAX_VALUE + " characters");
    return Set.of(v.strip());
  }

  public String department() {
    return query.get("department");
  }

  public String team() {
    return query.get("team");
  }

  public String tool() {
    return query.get("tool");
  }

  public String model() {
    return query.get("model");
  }

  /** True when anything narrows the default view. */
  public boolean any() {
    return !query.values().isEmpty();
  }
}
