package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.checkin.CheckIn;
import io.tokenmaxx.checkin.CheckinFilter;
import io.tokenmaxx.checkin.CheckinStore;
import io.tokenmaxx.checkin.Reader;
import io.tokenmaxx.checkin.Visibility;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@link CheckinStore} in SQL: table {@code checkin}, one row per person and week, with tags and
 * tools also in {@code checkin_tag} for filtering and first-seen queries. Reading rights are part
 * of every listing's WHERE clause ({@link #readable}).
 */
public final class JdbcCheckinStore implements CheckinStore {
  static final String COLUMNS = "id, person, week, team, department, visibility, tried, worked, failed, learned, "
      + "tags, tools, minutes_saved, links, created_at, updated_at";

  private final Transactions tx;
  private final Dialect dialect;
  private final String select;

  public JdbcCheckinStore(Transactions tx, Dialect dialect) {
    this.tx = tx;
    this.dialect = dialect;
    this.select = "SELECT id, person, week, team, department, visibility, tried, worked, failed, learned, tags, tools, "
        + "minutes_saved, links, " + dialect.epochMicros("created_at") + ", " + dialect.epochMicros("updated_at")
        + " FROM checkin";
  }

  @Override
  public CheckIn save(CheckIn c) {
    check(c);
    tx.write("save the check-in of " + c.person() + " for " + c.week(), conn -> {
      upsert(conn, List.of(c));
      return null;
    });
    return find(c.person(), c.week()).orElseThrow();
  }

  @Override
  public void saveAll(List<CheckIn> checkins) {
    Objects.requireNonNull(checkins, "checkins");
    Map<String, CheckIn> last = new LinkedHashMap<>();
    for (CheckIn c : checkins) {
      check(c);
      last.remove(c.person() + "|" + c.week());
      last.put(c.person() + "|" + c.week(), c);
    }
    if (last.isEmpty()) return;
    List<CheckIn> unique = new ArrayList<>(last.values());
    tx.write("save " + unique.size() + " check-ins", conn -> {
      for (List<CheckIn> chunk : Values.chunks(unique)) upsert(conn, chunk);
      return null;
    });
  }

  private static void check(CheckIn c) {
    Objects.requireNonNull(c, "check-in");
    String where = "check-in of " + c.person() + " for " + c.week();
    for (String s : new String[] {c.id(), c.person(), c.team(), c.department(), c.tried(), c.worked(), c.failed(), c.learned()}) {
      RecordChecks.checkText(where, "text", s);
    }
  }

  private void upsert(Connection conn, List<CheckIn> chunk) throws SQLException {
    List<Object> v = new ArrayList<>();
    for (CheckIn c : chunk) {
      v.add(c.id());
      v.add(c.person());
      v.add(c.week());
      v.add(c.team());
      v.add(c.department());
      v.add(c.visibility().label());
      v.add(c.tried());
      v.add(c.worked());
      v.add(c.failed());
      v.add(c.learned());
      v.add(Statements.json(c.tags()));
      v.add(Statements.json(c.tools()));
      v.add(c.minutesSaved());
      v.add(Statements.json(c.links()));
      v.add(Statements.timestamp(c.created()));
      v.add(Statements.timestamp(c.updated()));
    }
    Statements.update(conn, "INSERT INTO checkin (" + COLUMNS + ") VALUES " + Values.placeholders(chunk.size(), 16)
        + " ON CONFLICT (person, week) DO UPDATE SET team = EXCLUDED.team, department = EXCLUDED.department, "
        + "visibility = EXCLUDED.visibility, tried = EXCLUDED.tried, worked = EXCLUDED.worked, failed = EXCLUDED.failed, "
        + "learned = EXCLUDED.learned, tags = EXCLUDED.tags, tools = EXCLUDED.tools, minutes_saved = EXCLUDED.minutes_saved, "
        + "links = EXCLUDED.links, updated_at = EXCLUDED.updated_at", v);
    // The tag rows follow the stored id of each (person, week), which an earlier save may have set.
    List<Object> keys = new ArrayList<>();
    for (CheckIn c : chunk) {
      keys.add(c.person());
      keys.add(c.week());
    }
    Map<String, String> ids = new HashMap<>();
    Statements.query(conn, "SELECT person, week, id FROM checkin WHERE " + keyMatch(chunk.size()), keys,
        rs -> ids.put(rs.getString(1) + "|" + rs.getObject(2, LocalDate.class), rs.getString(3)));
    List<Object> idList = new ArrayList<>(ids.values());
    Statements.update(conn, "DELETE FROM checkin_tag WHERE checkin_id IN " + Values.placeholders(1, idList.size()), idList);
    List<Object> tags = new ArrayList<>();
    int rows = 0;
    for (CheckIn c : chunk) {
      String id = ids.get(c.person() + "|" + c.week());
      for (String t : c.tags()) { tags.add(id); tags.add("tag"); tags.add(t); tags.add(c.week()); rows++; }
      for (String t : c.tools()) { tags.add(id); tags.add("tool"); tags.add(t); tags.add(c.week()); rows++; }
    }
    if (rows > 0) {
      Statements.update(conn, "INSERT INTO checkin_tag (checkin_id, kind, value, week) VALUES " + Values.placeholders(rows, 4), tags);
    }
  }

  private static String keyMatch(int n) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < n; i++) sb.append(i > 0 ? " OR " : "").append("(person = ? AND week = ?)");
    return sb.append(')').toString();
  }

  @Override
  public Optional<CheckIn> find(String person, LocalDate week) {
    return one("read the check-in of " + person + " for " + week, " WHERE person = ? AND week = ?", List.of(person, week));
  }

  @Override
  public Optional<CheckIn> get(String id) {
    return one("read check-in " + id, " WHERE id = ?", List.of(id));
  }

  private Optional<CheckIn> one(String what, String where, List<Object> values) {
    List<CheckIn> out = new ArrayList<>();
    tx.read(what, c -> {
      Statements.query(c, select + where, values, rs -> out.add(row(rs)));
      return null;
    });
    return out.stream().findFirst();
  }

  @Override
  public List<CheckIn> list(CheckinFilter f, Reader reader) {
    StringBuilder where = new StringBuilder(" WHERE ");
    List<Object> v = new ArrayList<>();
    readable(reader, where, v);
    in(where, v, "person", f.persons());
    in(where, v, "team", f.teams());
    in(where, v, "department", f.departments());
    if (f.fromWeek() != null) { where.append(" AND week >= ?"); v.add(f.fromWeek()); }
    if (f.toWeek() != null) { where.append(" AND week < ?"); v.add(f.toWeek()); }
    tagged(where, v, "tag", f.tag());
    tagged(where, v, "tool", f.tool());
    where.append(" ORDER BY week DESC, updated_at DESC, ").append(dialect.idOrder())
        .append(" LIMIT ").append(f.limit()).append(" OFFSET ").append(f.offset());
    List<CheckIn> out = new ArrayList<>();
    tx.read("list check-ins", c -> {
      Statements.query(c, select + where, v, rs -> out.add(row(rs)));
      return null;
    });
    return out;
  }

  /** The reading rule of {@link Reader#canRead} as SQL. */
  static void readable(Reader r, StringBuilder where, List<Object> v) {
    if (r.person() == null) {
      where.append(r.admin() ? "visibility <> 'private'" : "visibility = 'organization'");
      return;
    }
    where.append("(person = ? OR visibility = 'organization' OR (visibility = 'team' AND (");
    v.add(r.person());
    if (r.admin()) {
      where.append("1 = 1");
    } else {
      if (r.team() == null) {
        where.append("1 = 0");
      } else {
        where.append("team = ?");
        v.add(r.team());
      }
      if (!r.reports().isEmpty()) {
        where.append(" OR person IN ").append(Values.placeholders(1, r.reports().size()));
        v.addAll(new TreeSet<>(r.reports()));
      }
    }
    where.append(")))");
  }

  private static void in(StringBuilder where, List<Object> v, String column, Set<String> values) {
    if (values.isEmpty()) return;
    where.append(" AND ").append(column).append(" IN ").append(Values.placeholders(1, values.size()));
    v.addAll(new TreeSet<>(values));
  }

  private static void tagged(StringBuilder where, List<Object> v, String kind, String value) {
    if (value == null) return;
    where.append(" AND EXISTS (SELECT 1 FROM checkin_tag t WHERE t.checkin_id = checkin.id AND t.kind = '")
        .append(kind).append("' AND t.value = ?)");
    v.add(value);
  }

  @Override
  public List<CheckIn> byPerson(String person) {
    List<CheckIn> out = new ArrayList<>();
    tx.read("read the check-ins of " + person, c -> {
      Statements.query(c, select + " WHERE person = ? ORDER BY week", List.of(person), rs -> out.add(row(rs)));
      return null;
    });
    return out;
  }

  @Override
  public void forEach(Consumer<CheckIn> action) {
    tx.read("read every check-in", c -> {
      Statements.query(c, select + " ORDER BY week, " + dialect.idOrder(), List.of(), rs -> action.accept(row(rs)));
      return null;
    });
  }

  @Override
  public Map<String, Set<LocalDate>> participation(LocalDate fromWeek, LocalDate toWeek) {
    Map<String, Set<LocalDate>> out = new HashMap<>();
    StringBuilder sql = new StringBuilder("SELECT person, week FROM checkin WHERE 1 = 1");
    List<Object> v = new ArrayList<>();
    if (fromWeek != null) { sql.append(" AND week >= ?"); v.add(fromWeek); }
    if (toWeek != null) { sql.append(" AND week < ?"); v.add(toWeek); }
    tx.read("read check-in participation", c -> {
      Statements.query(c, sql.toString(), v,
          rs -> out.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getObject(2, LocalDate.class)));
      return null;
    });
    return out;
  }

  @Override
  public Map<String, LocalDate> firstSeen(boolean tools) {
    Map<String, LocalDate> out = new HashMap<>();
    tx.read("read first-seen tags", c -> {
      Statements.query(c, "SELECT value, MIN(week) FROM checkin_tag WHERE kind = ? GROUP BY value",
          List.of(tools ? "tool" : "tag"), rs -> out.put(rs.getString(1), rs.getObject(2, LocalDate.class)));
      return null;
    });
    return out;
  }

  @Override
  public long count() {
    long[] n = new long[1];
    tx.read("count check-ins", c -> {
      Statements.query(c, "SELECT COUNT(*) FROM checkin", List.of(), rs -> n[0] = rs.getLong(1));
      return null;
    });
    return n[0];
  }

  private static CheckIn row(ResultSet rs) throws SQLException {
    int minutes = rs.getInt(13);
    Integer saved = rs.wasNull() ? null : minutes;
    return new CheckIn(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(7),
        rs.getString(8), rs.getString(9), rs.getString(10), Statements.strings(rs.getString(11)),
        Statements.strings(rs.getString(12)), saved, Statements.strings(rs.getString(14)),
        Visibility.parse(rs.getString(6)), rs.getString(4), rs.getString(5), Statements.instant(rs, 15),
        Statements.instant(rs, 16));
  }
}
