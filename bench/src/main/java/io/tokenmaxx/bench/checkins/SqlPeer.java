package io.tokenmaxx.bench.checkins;

import io.tokenmaxx.checkin.CheckIn;
import io.tokenmaxx.checkin.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The peers: the same check-ins in a SQL table, searched the way one would without a search index.
 * DuckDB: ILIKE on every text column (a scan). PostgreSQL: its own full-text search (a tsvector
 * column with a GIN index, websearch_to_tsquery). Both return what the Lucene search returns: the
 * readable total, the newest 20 and the tag facet counts.
 */
final class SqlPeer implements AutoCloseable {
  final String name;
  private final Connection c;
  private final boolean postgres;

  SqlPeer(String name, Connection c, boolean postgres) {
    this.name = name;
    this.c = c;
    this.postgres = postgres;
  }

  void load(List<CheckIn> all) throws SQLException {
    try (Statement s = c.createStatement()) {
      String text = postgres ? "TEXT" : "VARCHAR";
      s.execute("DROP TABLE IF EXISTS bench_checkin_tag");
      s.execute("DROP TABLE IF EXISTS bench_checkin");
      s.execute("CREATE TABLE bench_checkin (id " + text + " PRIMARY KEY, person " + text + ", week DATE, team " + text
          + ", department " + text + ", visibility " + text + ", tried " + text + ", worked " + text + ", failed " + text
          + ", learned " + text + ")");
      s.execute("CREATE TABLE bench_checkin_tag (checkin_id " + text + ", kind " + text + ", value " + text + ")");
    }
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_checkin VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement tag = c.prepareStatement("INSERT INTO bench_checkin_tag VALUES (?, ?, ?)")) {
      int n = 0;
      for (CheckIn ci : all) {
        ps.setString(1, ci.id());
        ps.setString(2, ci.person());
        ps.setObject(3, ci.week());
        ps.setString(4, ci.team());
        ps.setString(5, ci.department());
        ps.setString(6, ci.visibility().label());
        ps.setString(7, ci.tried());
        ps.setString(8, ci.worked());
        ps.setString(9, ci.failed());
        ps.setString(10, ci.learned());
        ps.addBatch();
        for (String t : ci.tags()) { tag.setString(1, ci.id()); tag.setString(2, "tag"); tag.setString(3, t); tag.addBatch(); }
        for (String t : ci.tools()) { tag.setString(1, ci.id()); tag.setString(2, "tool"); tag.setString(3, t); tag.addBatch(); }
        if (++n % 5000 == 0) {
          ps.executeBatch();
          tag.executeBatch();
        }
      }
      ps.executeBatch();
      tag.executeBatch();
    }
    c.commit();
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE INDEX bench_tag_id ON bench_checkin_tag (checkin_id)");
      s.execute("CREATE INDEX bench_tag_value ON bench_checkin_tag (kind, value)");
      if (postgres) {
        s.execute("ALTER TABLE bench_checkin ADD COLUMN doc tsvector GENERATED ALWAYS AS (to_tsvector('english', "
            + "tried || ' ' || worked || ' ' || failed || ' ' || learned)) STORED");
        s.execute("CREATE INDEX bench_doc ON bench_checkin USING GIN (doc)");
        s.execute("CREATE INDEX bench_person ON bench_checkin (person)");
        s.execute("ANALYZE bench_checkin");
        s.execute("ANALYZE bench_checkin_tag");
      }
    }
  }

  /** Runs one search; returns the total (the newest 20 and the facet counts are read and dropped). */
  long search(BenchCorpus.Q q, Reader r) throws SQLException {
    StringBuilder where = new StringBuilder();
    List<Object> v = new ArrayList<>();
    readable(r, where, v);
    if (!q.text().isEmpty()) {
      if (postgres) {
        where.append(" AND doc @@ websearch_to_tsquery('english', ?)");
        v.add(q.text());
      } else {
        for (String word : q.text().toLowerCase(Locale.ROOT).split("\\s+")) {
          where.append(" AND (tried ILIKE ? OR worked ILIKE ? OR failed ILIKE ? OR learned ILIKE ?)");
          for (int i = 0; i < 4; i++) v.add("%" + word + "%");
        }
      }
    }
    if (q.tag() != null) { where.append(" AND EXISTS (SELECT 1 FROM bench_checkin_tag t WHERE t.checkin_id = m.id AND t.kind = 'tag' AND t.value = ?)"); v.add(q.tag()); }
    if (q.tool() != null) { where.append(" AND EXISTS (SELECT 1 FROM bench_checkin_tag t WHERE t.checkin_id = m.id AND t.kind = 'tool' AND t.value = ?)"); v.add(q.tool()); }
    if (q.department() != null) { where.append(" AND department = ?"); v.add(q.department()); }
    String matched = "SELECT m.id, m.week FROM bench_checkin m WHERE " + where;
    long total;
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (" + matched + ") x")) {
      bind(ps, v);
      try (ResultSet rs = ps.executeQuery()) { rs.next(); total = rs.getLong(1); }
    }
    try (PreparedStatement ps = c.prepareStatement(matched + " ORDER BY m.week DESC, m.id LIMIT 20")) {
      bind(ps, v);
      try (ResultSet rs = ps.executeQuery()) { while (rs.next()) rs.getString(1); }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT t.value, COUNT(*) FROM bench_checkin_tag t JOIN (" + matched
        + ") x ON t.checkin_id = x.id WHERE t.kind = 'tag' GROUP BY t.value ORDER BY 2 DESC LIMIT 15")) {
      bind(ps, v);
      try (ResultSet rs = ps.executeQuery()) { while (rs.next()) rs.getString(1); }
    }
    return total;
  }

  private static void bind(PreparedStatement ps, List<Object> v) throws SQLException {
    for (int i = 0; i < v.size(); i++) ps.setObject(i + 1, v.get(i));
  }

  private static void readable(Reader r, StringBuilder w, List<Object> v) {
    if (r.person() == null) {
      w.append(r.admin() ? "m.visibility <> 'private'" : "m.visibility = 'organization'");
      return;
    }
    w.append("(m.person = ? OR m.visibility = 'organization' OR (m.visibility = 'team' AND (m.team = ?");
    v.add(r.person());
    v.add(r.team());
    if (!r.reports().isEmpty()) {
      w.append(" OR m.person IN (");
      boolean first = true;
      for (String p : r.reports()) {
        w.append(first ? "?" : ", ?");
        v.add(p);
        first = false;
      }
      w.append(')');
    }
    w.append(")))");
  }

  @Override
  public void close() throws SQLException {
    if (postgres) {
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS bench_checkin_tag");
        s.execute("DROP TABLE IF EXISTS bench_checkin");
      }
    }
    c.close();
  }
}
