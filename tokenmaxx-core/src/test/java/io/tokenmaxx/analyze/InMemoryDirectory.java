package io.tokenmaxx.analyze;

import io.tokenmaxx.identity.Alias;
import io.tokenmaxx.identity.Department;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.Team;
import io.tokenmaxx.model.RawIdentity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A directory in memory for tests of the analytics service (no records to re-attribute). */
public final class InMemoryDirectory implements Directory {
  private final Map<String, Person> people = new TreeMap<>();
  private final Map<String, Team> teams = new TreeMap<>();
  private final Map<String, Department> departments = new TreeMap<>();
  private final Map<RawIdentity, String> aliases = new HashMap<>();

  public InMemoryDirectory(Collection<Person> people, Collection<Team> teams, Collection<Department> departments) {
    upsertPeople(new ArrayList<>(people));
    upsertTeams(new ArrayList<>(teams));
    upsertDepartments(new ArrayList<>(departments));
  }

  @Override public synchronized void upsertPeople(List<Person> ps) { for (Person p : ps) people.put(p.id(), p); }
  @Override public synchronized void upsertTeams(List<Team> ts) { for (Team t : ts) teams.put(t.id(), t); }
  @Override public synchronized void upsertDepartments(List<Department> ds) { for (Department d : ds) departments.put(d.id(), d); }

  @Override
  public synchronized Reattribution addAliases(List<Alias> list) {
    for (Alias a : list) aliases.put(a.identity(), a.person());
    return new Reattribution(list.size(), 0, 0);
  }

  @Override public synchronized boolean removeAlias(RawIdentity identity) { return aliases.remove(identity) != null; }
  @Override public synchronized Optional<String> resolve(RawIdentity identity) { return Optional.ofNullable(aliases.get(identity)); }

  @Override
  public synchronized Map<RawIdentity, String> resolveAll(Collection<RawIdentity> identities) {
    Map<RawIdentity, String> out = new HashMap<>();
    for (RawIdentity i : identities) if (aliases.containsKey(i)) out.put(i, aliases.get(i));
    return out;
  }

  @Override public synchronized Optional<Person> person(String id) { return Optional.ofNullable(people.get(id)); }
  @Override public synchronized List<Person> people() { return List.copyOf(people.values()); }
  @Override public synchronized List<Team> teams() { return List.copyOf(teams.values()); }
  @Override public synchronized List<Department> departments() { return List.copyOf(departments.values()); }

  @Override
  public synchronized List<Alias> aliases() {
    List<Alias> out = new ArrayList<>();
    aliases.forEach((i, p) -> out.add(new Alias(i, p)));
    out.sort(Comparator.comparing(Alias::person).thenComparing(a -> a.identity().toString()));
    return out;
  }
}
