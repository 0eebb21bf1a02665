package io.tokenmaxx.identity;

import io.tokenmaxx.model.RawIdentity;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is who: people, teams, departments, and which raw identities belong to which person.
 *
 * <p>Adding an alias re-attributes stored records: usage and outcome records with that identity and
 * no person (they arrived before the alias was known) get the person. When an alias moves to
 * another person, records with that identity still attributed to the previous owner move with it.
 * A person's primary e-mail is one of their aliases.
 */
public interface Directory {

  /** Inserts or replaces people by id (and their primary e-mail aliases). */
  void upsertPeople(List<Person> people);

  void upsertTeams(List<Team> teams);

  void upsertDepartments(List<Department> departments);

  /** Adds or moves aliases, then re-attributes records; returns what it changed. */
  Reattribution addAliases(List<Alias> aliases);

  default Reattribution addAlias(RawIdentity identity, String person) {
    return addAliases(List.of(new Alias(identity, person)));
  }

  /** Removes an alias (records already attributed keep their person); false when there was none. */
  boolean removeAlias(RawIdentity identity);

  /** The person an identity belongs to. */
  Optional<String> resolve(RawIdentity identity);

  /** Resolves many identities in one query; identities with no person are absent from the map. */
  Map<RawIdentity, String> resolveAll(Collection<RawIdentity> identities);

  Optional<Person> person(String id);

  /** Everyone, ordered by id. */
  List<Person> people();

  List<Team> teams();

  List<Department> departments();

  /** Every alias, ordered by person then identity. */
  List<Alias> aliases();

  /** What {@link #addAliases} changed: aliases written and records given a person. */
  record Reattribution(int aliases, long usageRecords, long outcomeRecords) {}
}
