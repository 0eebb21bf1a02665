package io.tokenmaxx.storage;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Filters and grouping for {@link UsageStore}. Empty filter sets mean "all"; {@code from} is
 * inclusive and {@code to} exclusive; null bounds are open.
 */
public record UsageQuery(
    Instant from,
    Instant to,
    Set<String> persons,
    Set<String> tools,
    Set<String> models,
    Set<String> projects,
    List<Dimension> groupBy,
    ZoneId zone,
    DayOfWeek weekStart) {

  public UsageQuery {
    persons = persons == null ? Set.of() : Set.copyOf(persons);
    tools = tools == null ? Set.of() : Set.copyOf(tools);
    models = models == null ? Set.of() : Set.copyOf(models);
    projects = projects == null ? Set.of() : Set.copyOf(projects);
    groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
    zone = zone == null ? ZoneOffset.UTC : zone;
    weekStart = weekStart == null ? DayOfWeek.MONDAY : weekStart;
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
    }
  }

  public static UsageQuery all() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().from(from).to(to).persons(persons).tools(tools).models(models)
        .projects(projects).groupBy(groupBy).zone(zone).weekStart(weekStart);
  }

  public static final class Builder {
    private Instant from;
    private Instant to;
    private Set<String> persons = Set.of();
    private Set<String> tools = Set.of();
    private Set<String> models = Set.of();
    private Set<String> projects = Set.of();
    private List<Dimension> groupBy = List.of();
    private ZoneId zone = ZoneOffset.UTC;
    private DayOfWeek weekStart = DayOfWeek.MONDAY;

    public Builder from(Instant v) { from = v; return this; }
    public Builder to(Instant v) { to = v; return this; }
    public Builder persons(Set<String> v) { persons = Objects.requireNonNullElse(v, Set.of()); return this; }
    public Builder tools(Set<String> v) { tools = Objects.requireNonNullElse(v, Set.of()); return this; }
    public Builder models(Set<String> v) { models = Objects.requireNonNullElse(v, Set.of()); return this; }
    public Builder projects(Set<String> v) { projects = Objects.requireNonNullElse(v, Set.of()); return this; }
    public Builder groupBy(List<Dimension> v) { groupBy = Objects.requireNonNullElse(v, List.of()); return this; }
    public Builder groupBy(Dimension... v) { groupBy = List.of(v); return this; }
    public Builder zone(ZoneId v) { zone = v; return this; }
    public Builder weekStart(DayOfWeek v) { weekStart = v; return this; }

    public UsageQuery build() {
      return new UsageQuery(from, to, persons, tools, models, projects, groupBy, zone, weekStart);
    }
  }
}
