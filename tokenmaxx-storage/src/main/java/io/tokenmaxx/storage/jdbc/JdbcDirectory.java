package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.identity.Alias;
import io.tokenmaxx.identity.Department;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.Team;
import io.tokenmaxx.model.RawIdentity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link Directory} in SQL. Adding aliases and re-attributing the records they explain happen in
 * one transaction, set-based (one UPDATE per table per few hundred aliases), while the record
 * writers are held idle so the UPDATE never races an upsert of the same rows.
 */
public final class JdbcDirectory implements Directory {
  private static final String PERSON_COLUMNS =
      "id, email, name, team, department, manager, role, annual_loaded_cost, start_date";

  private final Transactions tx;
  private final Clock clock;

  public JdbcDirectory(Transactions tx, Clock clock) {
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public void upsertPeople(List<Person> people) {
    Objects.requireNonNull(people, "people");
    for (int i = 0; i < people.size(); i++) {
      Person p = people.get(i);
      if (p == null) throw new IllegalArgumentException("person #" + i + " is null");
      String where = "person #" + i + " (id '" + p.id() + "')";
      for (String s : new String[] {p.id(), p.email(), p.name(), p.team(), p.department(), p.manager(), p.role()}) {
        RecordChecks.checkText(where, "text", s);
      }
      RecordChecks.checkCost(where, "annualLoadedCost", p.annualLoadedCost());
    }
    List<Person> unique = lastById(people, Person::id);
    if (unique.isEmpty()) return;
    List<Alias> emails = new ArrayList<>();
    for (Person p : unique) if (p.email() != null) emails.add(new Alias(RawIdentity.email(p.email()), p.id()));
    tx.writeWhileWritersIdle("store people", c -> {
      for (List<Person> chunk : Values.chunks(unique)) {
        List<Object> v = new ArrayList<>();
        for (Person p : chunk) {
          v.add(p.id());
          v.add(p.email());
          v.add(p.name());
          v.add(p.team());
          v.add(p.department());
          v.add(p.manager());
          v.add(p.role());
          v.add(p.annualLoadedCost());
          v.add(p.startDate());
        }
        update(c, "INSERT INTO person (" + PERSON_COLUMNS + ") VALUES " + Values.placeholders(chunk.size(), 9)
            + " ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name, team = EXCLUDED.team, "
            + "department = EXCLUDED.department, manager = EXCLUDED.manager, role = EXCLUDED.role, "
            + "annual_loaded_cost = EXCLUDED.annual_loaded_cost, start_date = EXCLUDED.start_date", v);
      }
      return addAliases(c, emails);
    });
  }

  @Override
  public void upsertTeams(List<Team> teams) {
    List<Team> unique = lastById(checked(teams, "team", t -> new String[] {t.id(), t.name(), t.department()}), Team::id);
    if (unique.isEmpty()) return;
    tx.write("store teams", c -> {
      for (List<Team> chunk : Values.chunks(unique)) {
        List<Object> v = new ArrayList<>();
        for (Team t : chunk) {
          v.add(t.id());
          v.add(t.name());
          v.add(t.department());
        }
        update(c, "INSERT INTO team (id, name, department) VALUES " + Values.placeholders(chunk.size(), 3)
            + " ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, department = EXCLUDED.department", v);
      }
      return null;
    });
  }

  @Override
  public void upsertDepartments(List<Department> departments) {
    List<Department> unique = lastById(checked(departments, "department", d -> new String[] {d.id(), d.name()}), Department::id);
    if (unique.isEmpty()) return;
    tx.write("store departments", c -> {
      for (List<Department> chunk : Values.chunks(unique)) {
        List<Object> v = new ArrayList<>();
        for (Department d : chunk) {
          v.add(d.id());
          v.add(d.name());
        }
        update(c, "INSERT INTO department (id, name) VALUES " + Values.placeholders(chunk.size(), 2)
            + " ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name", v);
      }
      return null;
    });
  }

  @Override
  public Reattribution addAliases(List<Alias> aliases) {
    List<Alias> checked = checked(aliases, "alias", a -> new String[] {a.identity().value(), a.person()});
    if (checked.isEmpty()) return new Reattribution(0, 0, 0);
    return tx.writeWhileWritersIdle("add aliases", c -> addAliases(c, checked));
  }

  /** Re-attributes records of the aliases' identities, then records the aliases; same transaction. */
  private Reattribution addAliases(Connection c, List<Alias> aliases) throws SQLException {
    List<Alias> unique = lastById(aliases, a -> a.identity().toString());
    long usage = 0;
    long outcomes = 0;
    Timestamp now = new Timestamp(clock);
    for (List<Alias> chunk : Values.chunks(unique)) {
      List<Object> v = new ArrayList<>();
      for (Alias a : chunk) {
        v.add(a.identity().kind().label());
        v.add(a.identity().value());
        v.add(a.person());
      }
      String values = Values.placeholders(chunk.size(), 3, "CAST(? AS VARCHAR)");
      for (String table : Tables.ATTRIBUTED) {
        long n = update(c, "UPDATE " + table + " SET person = n.person FROM (SELECT a.k, a.v, a.person, "
            + "old.person AS old_person FROM (VALUES " + values + ") AS a(k, v, person) LEFT JOIN person_alias old "
            + "ON old.identity_kind = a.k AND old.identity_value = a.v) n WHERE " + table + ".identity_kind = n.k AND "
            + table + ".identity_value = n.v AND (" + table + ".person IS NULL OR " + table + ".person = n.old_person) AND "
            + table + ".person IS DISTINCT FROM n.person", v);
        if (table.equals(Tables.USAGE)) usage += n;
        else if (table.equals(Tables.OUTCOME)) outcomes += n;
      }
      List<Object> rows = new ArrayList<>();
      for (Alias a : chunk) {
        rows.add(a.identity().kind().label());
        rows.add(a.identity().value());
        rows.add(a.person());
        rows.add(now.value());
      }
      update(c, "INSERT INTO person_alias (identity_kind, identity_value, person, added_at) VALUES "
          + Values.placeholders(chunk.size(), 4) + " ON CONFLICT (identity_kind, identity_value) DO UPDATE SET "
          + "person = EXCLUDED.person, added_at = EXCLUDED.added_at", rows);
    }
    return new Reattribution(unique.size(), usage, outcomes);
  }

  @Override
  public boolean removeAlias(RawIdentity identity) {
    Objects.requireNonNull(identity, "identity");
    return tx.write("remove alias " + identity, c -> update(c,
        "DELETE FROM person_alias WHERE identity_kind = ? AND identity_value = ?",
        List.of(identity.kind().label(), identity.value())) > 0);
  }

  @Override
  public Optional<String> resolve(RawIdentity identity) {
    Objects.requireNonNull(identity, "identity");
    return Optional.ofNullable(resolveAll(List.of(identity)).get(identity));
  }

  @Override
  public Map<RawIdentity, String> resolveAll(Collection<RawIdentity> identities) {
    List<RawIdentity> distinct = identities.stream().filter(Objects::nonNull).distinct().toList();
    Map<RawIdentity, String> out = new HashMap<>();
    if (distinct.isEmpty()) return out;
    return tx.read("resolve identities", c -> {
      for (List<RawIdentity> chunk : Values.chunks(distinct)) {
        List<Object> v = new ArrayList<>();
        for (RawIdentity id : chunk) {
          v.add(id.kind().label());
          v.add(id.value());
        }
        query(c, "SELECT a.identity_kind, a.identity_value, a.person FROM (VALUES "
            + Values.placeholders(chunk.size(), 2, "CAST(? AS VARCHAR)") + ") AS n(k, v) JOIN person_alias a "
            + "ON a.identity_kind = n.k AND a.identity_value = n.v", v,
            rs -> out.put(new RawIdentity(RawIdentity.Kind.parse(rs.getString(1)), rs.getString(2)), rs.getString(3)));
      }
      // A person id names its person, alias or not.
      List<Object> ids = new ArrayList<>();
      for (RawIdentity id : distinct) {
        if (id.kind() == RawIdentity.Kind.PERSON_ID && !out.containsKey(id)) ids.add(id.value());
      }
      for (List<Object> chunk : Values.chunks(ids)) {
        query(c, "SELECT id FROM person WHERE id IN " + Values.placeholders(1, chunk.size()), chunk,
            rs -> out.put(new RawIdentity(RawIdentity.Kind.PERSON_ID, rs.getString(1)), rs.getString(1)));
      }
      return out;
    });
  }

  @Override
  public Optional<Person> person(String id) {
    List<Person> found = new ArrayList<>();
    tx.read("read person " + id, c -> {
      query(c, "SELECT " + PERSON_COLUMNS + " FROM person WHERE id = ?", List.of(id), rs -> found.add(person(rs)));
      return null;
    });
    return found.stream().findFirst();
  }

  @Override
  public List<Person> people() {
    List<Person> out = new ArrayList<>();
    tx.read("read people", c -> {
      query(c, "SELECT " + PERSON_COLUMNS + " FROM person", List.of(), rs -> out.add(person(rs)));
      return null;
    });
    out.sort(Comparator.comparing(Person::id));
    return out;
  }

  @Override
  public List<Team> teams() {
    List<Team> out = new ArrayList<>();
    tx.read("read teams", c -> {
      query(c, "SELECT id, name, department FROM team", List.of(),
          rs -> out.add(new Team(rs.getString(1), rs.getString(2), rs.getString(3))));
      return null;
    });
    out.sort(Comparator.comparing(Team::id));
    return out;
  }

  @Override
  public List<Department> departments() {
    List<Department> out = new ArrayList<>();
    tx.read("read departments", c -> {
      query(c, "SELECT id, name FROM department", List.of(), rs -> out.add(new Department(rs.getString(1), rs.getString(2))));
      return null;
    });
    out.sort(Comparator.comparing(Department::id));
    return out;
  }

  @Override
  public List<Alias> aliases() {
    List<Alias> out = new ArrayList<>();
    tx.read("read aliases", c -> {
      query(c, "SELECT identity_kind, identity_value, person FROM person_alias", List.of(), rs -> out.add(
          new Alias(new RawIdentity(RawIdentity.Kind.parse(rs.getString(1)), rs.getString(2)), rs.getString(3))));
      return null;
    });
    out.sort(Comparator.comparing(Alias::person).thenComparing(a -> a.identity().kind())
        .thenComparing(a -> a.identity().value()));
    return out;
  }

  private static Person person(ResultSet rs) throws SQLException {
    return new Person(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), Rows.cost(rs.getBigDecimal(8)), rs.getObject(9, LocalDate.class));
  }

  private static <T> List<T> checked(List<T> items, String what, Function<T, String[]> texts) {
    Objects.requireNonNull(items, what + "s");
    for (int i = 0; i < items.size(); i++) {
      T item = items.get(i);
      if (item == null) throw new IllegalArgumentException(what + " #" + i + " is null");
      for (String s : texts.apply(item)) RecordChecks.checkText(what + " #" + i, "text", s);
    }
    return items;
  }

  private static <T> List<T> lastById(List<T> items, Function<T, String> id) {
    Map<String, T> byId = new LinkedHashMap<>();
    for (T item : items) {
      byId.remove(id.apply(item));
      byId.put(id.apply(item), item);
    }
    return new ArrayList<>(byId.values());
  }

  static long update(Connection c, String sql, List<Object> values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Values.bind(ps, values);
      return ps.executeLargeUpdate();
    }
  }

  interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }

  static void query(Connection c, String sql, List<Object> values, RowHandler handler) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Values.bind(ps, values);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) handler.row(rs);
      }
    }
  }

  /** The clock's now, truncated to the microseconds the databases keep, as a TIMESTAMPTZ value. */
  record Timestamp(OffsetDateTime value) {
    Timestamp(Clock clock) {
      this(OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    Instant instant() {
      return value.toInstant();
    }
  }
}
