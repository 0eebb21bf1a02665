package io.tokenmaxx.analyze.store;

import io.tokenmaxx.analyze.AnalyticsFilter;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * Which records a store query covers. A usage record is in scope when:
 *
 * <ul>
 *   <li>its timestamp is within [start of {@code from}, start of the day after {@code to}) in {@code zone};
 *   <li>its tool is in {@code tools} and its model in {@code models} (empty: any);
 *   <li>when {@code departments} / {@code teams} are given: its person is in the directory with
 *       one of those departments / teams (both must hold when both are given);
 *   <li>when {@code persons} is not null: its person is one of them;
 *   <li>when {@code knownPeopleOnly}: its person is in the directory (adoption counts people of
 *       the headcount only; unattributed records and unknown person ids are left out).
 * </ul>
 *
 * Outcome records are scoped by time and people only (not by tool or model: a commit is the
 * result of all of a person's work).
 */
public record Scope(
    LocalDate from,
    LocalDate to,
    ZoneId zone,
    DayOfWeek weekStart,
    Set<String> departments,
    Set<String> teams,
    Set<String> tools,
    Set<String> models,
    Set<String> persons,
    boolean knownPeopleOnly) {

  public Scope {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(weekStart, "weekStart");
    if (from.isAfter(to)) throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
    departments = departments == null ? Set.of() : Set.copyOf(departments);
    teams = teams == null ? Set.of() : Set.copyOf(teams);
    tools = tools == null ? Set.of() : Set.copyOf(tools);
    models = models == null ? Set.of() : Set.copyOf(models);
    persons = persons == null ? null : Set.copyOf(persons);
  }

  /** The scope of a resolved filter (both range ends and the zone set). */
  public static Scope of(AnalyticsFilter f, DayOfWeek weekStart) {
    return new Scope(f.from(), f.to(), f.zone(), weekStart, f.departments(), f.teams(), f.tools(),
        f.models(), null, false);
  }

  public Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  /** Exclusive end: the start of the day after {@code to}. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  public Scope withRange(LocalDate newFrom, LocalDate newTo) {
    return new Scope(newFrom, newTo, zone, weekStart, departments, teams, tools, models, persons, knownPeopleOnly);
  }

  public Scope withPersons(Set<String> newPersons) {
    return new Scope(from, to, zone, weekStart, departments, teams, tools, models, newPersons, knownPeopleOnly);
  }

  public Scope onlyKnownPeople() {
    return new Scope(from, to, zone, weekStart, departments, teams, tools, models, persons, true);
  }

  /** The same scope without the department and team filters (e.g. for the complement of a group). */
  public Scope withoutPeopleFilters() {
    return new Scope(from, to, zone, weekStart, Set.of(), Set.of(), tools, models, persons, knownPeopleOnly);
  }

  /** True when people are narrowed by department, team or an explicit set. */
  public boolean narrowsPeople() {
    return !departments.isEmpty() || !teams.isEmpty() || persons != null;
  }
}
