package io.tokenmaxx.analyze;

import io.tokenmaxx.identity.Person;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reporting lines from the directory's manager links: who reports to whom, directly or not. Cycles
 * in bad HRIS data are tolerated (each person is visited once).
 */
public final class OrgChart {
  private final Map<String, List<String>> reports = new HashMap<>();

  private OrgChart(Collection<Person> people) {
    for (Person p : people) {
      if (p.manager() != null && !p.manager().equals(p.id())) {
        reports.computeIfAbsent(p.manager(), m -> new java.util.ArrayList<>()).add(p.id());
      }
    }
  }

  public static OrgChart of(Collection<Person> people) {
    return new OrgChart(people);
  }

  /** The person and everyone who reports to them, directly or not. */
  public Set<String> subtree(String personId) {
    Set<String> out = new HashSet<>();
    if (personId == null) return out;
    ArrayDeque<String> todo = new ArrayDeque<>();
    todo.add(personId);
    while (!todo.isEmpty()) {
      String p = todo.poll();
      if (!out.add(p)) continue;
      todo.addAll(reports.getOrDefault(p, List.of()));
    }
    return out;
  }

  /** True when at least one person reports to {@code personId}. */
  public boolean managesAnyone(String personId) {
    return !reports.getOrDefault(personId, List.of()).isEmpty();
  }
}
