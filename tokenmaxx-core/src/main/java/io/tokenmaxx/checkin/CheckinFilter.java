package io.tokenmaxx.checkin;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which check-ins to list; empty sets and null bounds mean "all". {@code fromWeek} is inclusive,
 * {@code toWeek} exclusive. Results are newest first (week, then last edit).
 */
public record CheckinFilter(Set<String> persons, Set<String> teams, Set<String> departments,
    String tag, String tool, LocalDate fromWeek, LocalDate toWeek, int limit, int offset) {

  public static final int MAX_LIMIT = 1000;

  public CheckinFilter {
    persons = persons == null ? Set.of() : Set.copyOf(persons);
    teams = teams == null ? Set.of() : Set.copyOf(teams);
    departments = departments == null ? Set.of() : Set.copyOf(departments);
    tag = tag == null || tag.isBlank() ? null : CheckinRules.tag(tag);
    tool = tool == null || tool.isBlank() ? null : CheckinRules.tag(tool);
    if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT + ", was " + limit);
    if (offset < 0) throw new IllegalArgumentException("offset must be >= 0, was " + offset);
  }

  public static CheckinFilter all(int limit) {
    return new CheckinFilter(null, null, null, null, null, null, null, limit, 0);
  }

  public static CheckinFilter week(LocalDate week, int limit) {
    return new CheckinFilter(null, null, null, null, null, week, week.plusWeeks(1), limit, 0);
  }

  public CheckinFilter withPersons(Set<String> p) {
    return new CheckinFilter(p, teams, departments, tag, tool, fromWeek, toWeek, limit, offset);
  }
}
