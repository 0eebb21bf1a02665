package io.tokenmaxx.server.web;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.tokenmaxx.identity.Department;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.Team;
import io.tokenmaxx.storage.Dimension;
import io.tokenmaxx.storage.UsageAggregate;
import io.tokenmaxx.storage.UsageQuery;
import io.tokenmaxx.storage.UsageStore;
import io.tokenmaxx.server.web.FilterBar.Option;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The choices of the filter bar: departments and teams from the directory, tools and models seen in
 * the store. Read at most once a minute.
 */
public final class FilterOptions {
  /** The lists of one moment. */
  public record Lists(List<Option> departments, List<Option> teams, List<Option> tools, List<Option> models,
      Map<String, String> teamNames, Map<String, String> departmentNames, Map<String, String> teamDepartments) {}

  private final LoadingCache<String, Lists> cache;

  public FilterOptions(Directory directory, UsageStore store) {
    this.cache = Caffeine.newBuilder().maximumSize(1).refreshAfterWrite(Duration.ofMinutes(1))
        .build(k -> load(directory, store));
  }

  public Lists lists() {
    return cache.get("all");
  }

  /** Forgets the lists (after the directory changed). */
  public void refresh() {
    cache.invalidateAll();
  }

  private static Lists load(Directory directory, UsageStore store) {
    Map<String, String> deptNames = new HashMap<>();
    List<Option> depts = new ArrayList<>();
    for (Department d : directory.departments()) {
      String name = d.name() == null ? d.id() : d.name();
      deptNames.put(d.id(), name);
      depts.add(new Option(d.id(), name));
    }
    depts.sort(Comparator.comparing(Option::label, String.CASE_INSENSITIVE_ORDER));
    Map<String, String> teamNames = new HashMap<>();
    Map<String, String> teamDepts = new HashMap<>();
    List<Option> teams = new ArrayList<>();
    for (Team t : directory.teams()) {
      String name = t.name() == null ? t.id() : t.name();
      teamNames.put(t.id(), name);
      if (t.department() != null) teamDepts.put(t.id(), t.department());
      String dept = t.department() == null ? null : deptNames.getOrDefault(t.department(), t.department());
      teams.add(new Option(t.id(), dept == null ? name : name + " · " + dept));
    }
    teams.sort(Comparator.comparing(Option::label, String.CASE_INSENSITIVE_ORDER));
    return new Lists(depts, teams, distinct(store, Dimension.TOOL), distinct(store, Dimension.MODEL),
        Map.copyOf(teamNames), Map.copyOf(deptNames), Map.copyOf(teamDepts));
  }

  private static List<Option> distinct(UsageStore store, Dimension d) {
    List<Option> out = new ArrayList<>();
    for (UsageAggregate a : store.aggregate(UsageQuery.builder().groupBy(d).build())) {
      String v = a.key().getFirst();
      if (v != null) out.add(new Option(v, v));
    }
    out.sort(Comparator.comparing(Option::label));
    return out;
  }
}
