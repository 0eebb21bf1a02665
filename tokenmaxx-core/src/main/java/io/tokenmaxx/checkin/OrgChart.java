package io.tokenmaxx.checkin;

import io.tokenmaxx.identity.Person;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Who reports to whom, from the directory: the basis of {@link Reader}s. */
public final class OrgChart {
  private final Map<String, Person> people = new HashMap<>();
  private final Map<String, List<String>> directReports = new HashMap<>();

  public OrgChart(List<Person> directory) {
    for (Person p : directory) {
      people.put(p.id(), p);
      if (p.manager() != null) directReports.computeIfAbsent(p.manager(), k -> new ArrayList<>()).add(p.id());
    }
  }

  public Optional<Person> person(String id) {
    return Optional.ofNullable(people.get(id));
  }

  public List<Person> people() {
    return List.copyOf(people.values());
  }

  /** Everyone reporting to {@code manager} directly or through others (cycles are cut). */
  public Set<String> reportsOf(String manager) {
    Set<String> out = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(directReports.getOrDefault(manager, List.of()));
    while (!todo.isEmpty()) {
      String p = todo.pop();
      if (p.equals(manager) || !out.add(p)) continue;
      todo.addAll(directReports.getOrDefault(p, List.of()));
    }
    return out;
  }

  /** The reader for a person (null person: an admin token that is nobody). */
  public Reader reader(String person, boolean admin) {
    if (person == null) return new Reader(null, admin, null, Set.of());
    Person p = people.get(person);
    return new Reader(person, admin, p == null ? null : p.team(), reportsOf(person));
  }
}
