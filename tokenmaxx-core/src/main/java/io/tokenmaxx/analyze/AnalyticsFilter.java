package io.tokenmaxx.analyze;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;

/**
 * The filters every analytics query takes: a range of days in a time zone, and optional sets of
 * departments, teams, tools and models (an empty set means "all"). Department and team filters
 * select people by their current directory entry; records of no known person (unattributed) are
 * then left out, since they belong to no department.
 *
 * <p>{@code from} and {@code to} are <b>inclusive</b> local dates in {@code zone}; null means the
 * default (the 28 days ending today), filled in by {@link #resolve}.
 *
 * @param from        first day, inclusive (null: 27 days before {@code to})
 * @param to          last day, inclusive (null: today in {@code zone})
 * @param zone        the time zone days, weeks and hours are counted in (null: the organization's)
 * @param departments department ids
 * @param teams       team ids
 * @param tools       tools ({@code claude-code}, {@code codex}, {@code chat}, ...)
 * @param models      model names as recorded
 */
public record AnalyticsFilter(
    LocalDate from,
    LocalDate to,
    ZoneId zone,
    Set<String> departments,
    Set<String> teams,
    Set<String> tools,
    Set<String> models) {

  /** Default length of a range when only one end (or none) is given. */
  public static final int DEFAULT_DAYS = 28;
  /** Longest range accepted, in days (about five years). */
  public static final int MAX_DAYS = 1830;

  public AnalyticsFilter {
    departments = departments == null ? Set.of() : Set.copyOf(departments);
    teams = teams == null ? Set.of() : Set.copyOf(teams);
    tools = tools == null ? Set.of() : Set.copyOf(tools);
    models = models == null ? Set.of() : Set.copyOf(models);
    if (from != null && to != null) {
      if (from.isAfter(to)) throw new IllegalArgumentException("from (" + from + ") must not be after to (" + to + ")");
      long days = ChronoUnit.DAYS.between(from, to) + 1;
      if (days > MAX_DAYS) {
        throw new IllegalArgumentException("the range from " + from + " to " + to + " spans " + days
            + " days; at most " + MAX_DAYS + " are allowed");
      }
    }
  }

  /** No filters: the default range in the organization's zone. */
  public static AnalyticsFilter defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().from(from).to(to).zone(zone).departments(departments).teams(teams)
        .tools(tools).models(models);
  }

  /** True when a department or team filter narrows the people. */
  public boolean narrowsPeople() {
    return !departments.isEmpty() || !teams.isEmpty();
  }

  /** Number of days in the range (only when both ends are set). */
  public int days() {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return (int) ChronoUnit.DAYS.between(from, to) + 1;
  }

  /**
   * This filter with the defaults filled in: the zone (when none), {@code to} = today in the zone
   * (when none), {@code from} = {@value #DEFAULT_DAYS} days ending at {@code to} (when none).
   */
  public AnalyticsFilter resolve(Clock clock, ZoneId defaultZone) {
    ZoneId z = zone != null ? zone : defaultZone;
    LocalDate t = to;
    LocalDate f = from;
    if (t == null) t = f != null ? f.plusDays(DEFAULT_DAYS - 1) : LocalDate.now(clock.withZone(z));
    if (f == null) f = t.minusDays(DEFAULT_DAYS - 1);
    return new AnalyticsFilter(f, t, z, departments, teams, tools, models);
  }

  /** The same filters over the equally long range right before this one (for trends). */
  public AnalyticsFilter previous() {
    int n = days();
    return toBuilder().from(from.minusDays(n)).to(from.minusDays(1)).build();
  }

  /** The same filters over another range. */
  public AnalyticsFilter withRange(LocalDate newFrom, LocalDate newTo) {
    return toBuilder().from(newFrom).to(newTo).build();
  }

  public static final class Builder {
    private LocalDate from;
    private LocalDate to;
    private ZoneId zone;
    private Set<String> departments = Set.of();
    private Set<String> teams = Set.of();
    private Set<String> tools = Set.of();
    private Set<String> models = Set.of();

    public Builder from(LocalDate v) { from = v; return this; }
    public Builder to(LocalDate v) { to = v; return this; }
    public Builder zone(ZoneId v) { zone = v; return this; }
    public Builder departments(Set<String> v) { departments = v; return this; }
    public Builder teams(Set<String> v) { teams = v; return this; }
    public Builder tools(Set<String> v) { tools = v; return this; }
    public Builder models(Set<String> v) { models = v; return this; }
    public Builder department(String v) { departments = Set.of(v); return this; }
    public Builder team(String v) { teams = Set.of(v); return this; }
    public Builder tool(String v) { tools = Set.of(v); return this; }
    public Builder model(String v) { models = Set.of(v); return this; }

    public AnalyticsFilter build() {
      return new AnalyticsFilter(from, to, zone, departments, teams, tools, models);
    }
  }
}
