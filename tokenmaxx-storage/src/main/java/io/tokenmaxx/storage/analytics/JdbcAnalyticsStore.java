package io.tokenmaxx.storage.analytics;

import io.tokenmaxx.analyze.DepthThresholds;
import io.tokenmaxx.analyze.LeaderboardMeasure;
import io.tokenmaxx.analyze.ToolCategory;
import io.tokenmaxx.analyze.store.AnalyticsStore;
import io.tokenmaxx.analyze.store.DepthRow;
import io.tokenmaxx.analyze.store.GroupKey;
import io.tokenmaxx.analyze.store.Histograms;
import io.tokenmaxx.analyze.store.IdentityUsage;
import io.tokenmaxx.analyze.store.PersonStats;
import io.tokenmaxx.analyze.store.PersonVariety;
import io.tokenmaxx.analyze.store.ReferenceAnalyticsStore;
import io.tokenmaxx.analyze.store.RetentionRow;
import io.tokenmaxx.analyze.store.Scope;
import io.tokenmaxx.analyze.store.SessionRow;
import io.tokenmaxx.analyze.store.SessionShapeStats;
import io.tokenmaxx.analyze.store.SpendShareRow;
import io.tokenmaxx.analyze.store.UnattributedTotals;
import io.tokenmaxx.analyze.store.UsageRow;
import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.Tools;
import io.tokenmaxx.storage.StorageException;
import io.tokenmaxx.storage.jdbc.ConnectionSource;
import io.tokenmaxx.storage.jdbc.Dialect;
import io.tokenmaxx.storage.jdbc.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link AnalyticsStore} in SQL over the hourly rollups ({@code usage_hourly}, {@code
 * session_hourly}, {@code outcome_hourly}) for zones with whole-hour offsets, and over the records
 * for the others. Local days, weeks and hours are computed from UTC minutes with offsets taken
 * from {@code java.time} ({@link LocalMinutes}); each query is one statement.
 */
public final class JdbcAnalyticsStore implements AnalyticsStore {
  private final ConnectionSource connections;
  private final Dialect d;
  private final Sources sources;
  private final String description;

  public JdbcAnalyticsStore(ConnectionSource connections, Dialect dialect, String description) {
    this.connections = connections;
    this.d = dialect;
    this.sources = new Sources(dialect);
    this.description = description;
  }

  // ---- time ----

  private LocalMinutes clock(Scope s) {
    return LocalMinutes.of(s.zone(), s.start(), s.end());
  }

  /** Rows with {@code lmin} (local minutes) prepended to the usage source's columns. */
  private String usageRows(Scope s, LocalMinutes lm, List<Object> params) {
    return "(SELECT " + lm.expr("u.tmin") + " AS lmin, u.* FROM "
        + sources.usage(s, lm.wholeHours, s.start(), s.end(), params) + " u)";
  }

  private String day(String lmin) {
    return d.intDiv(lmin, "1440");
  }

  private String week(String day, Scope s) {
    return "(" + day + " - ((" + day + " + " + (11 - s.weekStart().getValue()) + ") % 7))";
  }

  private String keyExpr(GroupKey k, Scope s) {
    String day = day("t.lmin");
    return switch (k) {
      case DAY -> day;
      case WEEK -> week(day, s);
      case MONTH -> "(CAST(EXTRACT(YEAR FROM (DATE '1970-01-01' + CAST(" + day + " AS INTEGER))) AS INTEGER) * 100 + "
          + "CAST(EXTRACT(MONTH FROM (DATE '1970-01-01' + CAST(" + day + " AS INTEGER))) AS INTEGER))";
      case DAY_OF_WEEK -> "(((" + day + " + 3) % 7) + 1)";
      case HOUR_OF_DAY -> d.intDiv("(t.lmin % 1440)", "60");
      case TOOL -> "t.tool";
      case TOOL_CATEGORY -> "CASE WHEN t.tool IN ('" + String.join("', '", Tools.CODING_AGENTS) + "') THEN '" + ToolCategory.CODING_AGENT.label() + "' WHEN t.tool = '" + Tools.CHAT
          + "' THEN '" + ToolCategory.CHAT.label() + "' WHEN t.tool = '" + Tools.API + "' THEN '" + ToolCategory.API.label()
          + "' ELSE '" + ToolCategory.OTHER.label() + "' END";
      case MODEL -> "t.model";
      case PROVIDER -> "t.provider";
      case PERSON -> "t.person";
      case TEAM -> "p.team";
      case DEPARTMENT -> "p.department";
    };
  }

  private static String keyText(GroupKey k, ResultSet rs, int col) throws SQLException {
    return switch (k) {
      case DAY, WEEK -> {
        long v = rs.getLong(col);
        yield rs.wasNull() ? null : LocalDate.ofEpochDay(v).toString();
      }
      case MONTH -> {
        int v = rs.getInt(col);
        yield rs.wasNull() ? null : String.format(Locale.ROOT, "%04d-%02d", v / 100, v % 100);
      }
      case DAY_OF_WEEK -> Integer.toString(rs.getInt(col));
      case HOUR_OF_DAY -> String.format(Locale.ROOT, "%02d", rs.getInt(col));
      default -> rs.getString(col);
    };
  }

  // ---- usage ----

  @Override
  public List<UsageRow> usage(Scope s, List<GroupKey> keys) {
    LocalMinutes lm = clock(s);
    List<Object> params = new ArrayList<>();
    String rows = usageRows(s, lm, params);
    boolean join = keys.contains(GroupKey.TEAM) || keys.contains(GroupKey.DEPARTMENT);
    StringBuilder z = new StringBuilder("SELECT ");
    List<String> ks = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      z.append(keyExpr(keys.get(i), s)).append(" AS k").append(i).append(", ");
      ks.add("k" + i);
    }
    z.append("t.person, ").append(day("t.lmin")).append(" AS d, t.records, t.requests, t.input_tokens, t.output_tokens, ")
        .append("t.cache_read_tokens, t.cache_write_tokens, t.reasoning_tokens, t.cost, t.unpriced FROM ").append(rows).append(" t");
    if (join) z.append(" LEFT JOIN person p ON p.id = t.person");
    String keyList = ks.isEmpty() ? "" : String.join(", ", ks) + ", ";
    String g = "SELECT " + keyList + "person, d, SUM(records) AS records, SUM(requests) AS requests, "
        + "SUM(input_tokens) AS input_tokens, SUM(output_tokens) AS output_tokens, SUM(cache_read_tokens) AS cache_read_tokens, "
        + "SUM(cache_write_tokens) AS cache_write_tokens, SUM(reasoning_tokens) AS reasoning_tokens, SUM(cost) AS cost, "
        + "SUM(unpriced) AS unpriced FROM (" + z + ") z GROUP BY " + keyList + "person, d";
    String sql = "SELECT " + keyList + "CAST(SUM(input_tokens) AS BIGINT), CAST(SUM(output_tokens) AS BIGINT), "
        + "CAST(SUM(cache_read_tokens) AS BIGINT), CAST(SUM(cache_write_tokens) AS BIGINT), "
        + "CAST(SUM(reasoning_tokens) AS BIGINT), CAST(SUM(requests) AS BIGINT), CAST(SUM(records) AS BIGINT), "
        + "SUM(cost), CAST(SUM(unpriced) AS BIGINT), COUNT(DISTINCT person), COUNT(person) FROM (" + g + ") g"
        + (ks.isEmpty() ? "" : " GROUP BY " + String.join(", ", ks));
    List<UsageRow> out = new ArrayList<>();
    query("aggregate usage by " + keys, sql, params, rs -> {
      int n = keys.size();
      long records = rs.getLong(n + 7);
      if (records == 0) return;
      String[] key = new String[n];
      for (int i = 0; i < n; i++) key[i] = keyText(keys.get(i), rs, i + 1);
      out.add(new UsageRow(Collections.unmodifiableList(Arrays.asList(key)), rs.getLong(n + 1), rs.getLong(n + 2),
          rs.getLong(n + 3), rs.getLong(n + 4), rs.getLong(n + 5), rs.getLong(n + 6), records, money(rs.getBigDecimal(n + 8)),
          rs.getLong(n + 9), rs.getLong(n + 10), rs.getLong(n + 11)));
    });
    out.sort(ReferenceAnalyticsStore.KEY_ORDER);
    return out;
  }

  private static boolean ofPerson(GroupKey k) {
    return k == GroupKey.TEAM || k == GroupKey.DEPARTMENT;
  }

  private static final String PER_PERSON_SUMS = "SUM(t.input_tokens) AS input_tokens, SUM(t.output_tokens) AS output_tokens, "
      + "SUM(t.cache_read_tokens) AS cache_read_tokens, SUM(t.cache_write_tokens) AS cache_write_tokens, "
      + "SUM(t.reasoning_tokens) AS reasoning_tokens, SUM(t.requests) AS requests, SUM(t.records) AS records, "
      + "SUM(t.cost) AS cost, SUM(t.unpriced) AS unpriced";

  private static final String TOTALS = "CAST(SUM(x.input_tokens) AS BIGINT), CAST(SUM(x.output_tokens) AS BIGINT), "
      + "CAST(SUM(x.cache_read_tokens) AS BIGINT), CAST(SUM(x.cache_write_tokens) AS BIGINT), "
      + "CAST(SUM(x.reasoning_tokens) AS BIGINT), CAST(SUM(x.requests) AS BIGINT), CAST(SUM(x.records) AS BIGINT), "
      + "SUM(x.cost), CAST(SUM(x.unpriced) AS BIGINT)";

  /**
   * Sums per key and person first (people are then counted without a DISTINCT aggregate, and the
   * keys of a person — team, department — are joined to those few rows instead of to every row).
   */
  @Override
  public List<UsageRow> sums(Scope s, List<GroupKey> keys) {
    LocalMinutes lm = clock(s);
    List<Object> params = new ArrayList<>();
    String rows = usageRows(s, lm, params);
    StringBuilder inner = new StringBuilder("SELECT ");
    StringBuilder outer = new StringBuilder("SELECT ");
    List<String> innerGroups = new ArrayList<>();
    List<String> outerGroups = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      GroupKey k = keys.get(i);
      if (ofPerson(k)) {
        outer.append(keyExpr(k, s)).append(" AS k").append(i).append(", ");
      } else {
        inner.append(keyExpr(k, s)).append(" AS k").append(i).append(", ");
        innerGroups.add(Integer.toString(innerGroups.size() + 1));
        outer.append("x.k").append(i).append(", ");
      }
      outerGroups.add(Integer.toString(i + 1));
    }
    innerGroups.add(Integer.toString(innerGroups.size() + 1));
    inner.append("t.person AS person, ").append(PER_PERSON_SUMS).append(" FROM ").append(rows).append(" t GROUP BY ")
        .append(String.join(", ", innerGroups));
    outer.append(TOTALS).append(", COUNT(x.person) FROM (").append(inner).append(") x");
    if (keys.stream().anyMatch(JdbcAnalyticsStore::ofPerson)) outer.append(" LEFT JOIN person p ON p.id = x.person");
    if (!outerGroups.isEmpty()) outer.append(" GROUP BY ").append(String.join(", ", outerGroups));
    List<UsageRow> out = new ArrayList<>();
    query("sum usage by " + keys, outer.toString(), params, rs -> {
      int n = keys.size();
      long records = rs.getLong(n + 7);
      if (records == 0) return;
      String[] key = new String[n];
      for (int i = 0; i < n; i++) key[i] = keyText(keys.get(i), rs, i + 1);
      out.add(new UsageRow(Collections.unmodifiableList(Arrays.asList(key)), rs.getLong(n + 1), rs.getLong(n + 2),
          rs.getLong(n + 3), rs.getLong(n + 4), rs.getLong(n + 5), rs.getLong(n + 6), records, money(rs.getBigDecimal(n + 8)),
          rs.getLong(n + 9), rs.getLong(n + 10), 0));
    });
    out.sort(ReferenceAnalyticsStore.KEY_ORDER);
    return out;
  }

  /**
   * Several groupings in one scan: the keys of every grouping are computed once in a subquery,
   * then GROUPING SETS aggregates each grouping, and GROUPING() tells the rows apart.
   */
  @Override
  public List<List<UsageRow>> sumsBy(Scope s, List<List<GroupKey>> groupings) {
    List<GroupKey> all = new ArrayList<>();
    for (List<GroupKey> keys : groupings) for (GroupKey k : keys) if (!all.contains(k)) all.add(k);
    if (groupings.size() < 2 || all.isEmpty()) {
      List<List<UsageRow>> out = new ArrayList<>();
      for (List<GroupKey> keys : groupings) out.add(sums(s, keys));
      return out;
    }
    LocalMinutes lm = clock(s);
    List<Object> params = new ArrayList<>();
    String rows = usageRows(s, lm, params);
    boolean join = all.contains(GroupKey.TEAM) || all.contains(GroupKey.DEPARTMENT);
    StringBuilder inner = new StringBuilder("SELECT ");
    for (int i = 0; i < all.size(); i++) inner.append(keyExpr(all.get(i), s)).append(" AS k").append(i).append(", ");
    inner.append("t.person, t.input_tokens, t.output_tokens, t.cache_read_tokens, t.cache_write_tokens, t.reasoning_tokens, ")
        .append("t.requests, t.records, t.cost, t.unpriced FROM ").append(rows).append(" t");
    if (join) inner.append(" LEFT JOIN person p ON p.id = t.person");
    java.util.LinkedHashSet<String> sets = new java.util.LinkedHashSet<>(); // each set once
    for (List<GroupKey> keys : groupings) {
      List<String> cols = new ArrayList<>();
      for (GroupKey k : all) if (keys.contains(k)) cols.add("k" + all.indexOf(k));
      sets.add("(" + String.join(", ", cols) + ")");
    }
    List<String> allCols = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) allCols.add("k" + i);
    StringBuilder sql = new StringBuilder("SELECT ");
    for (String c : allCols) sql.append(c).append(", ");
    sql.append("GROUPING(").append(String.join(", ", allCols)).append(") AS g, ").append(TOTALS)
        .append(", COUNT(DISTINCT x.person) FROM (").append(inner).append(") x GROUP BY GROUPING SETS (")
        .append(String.join(", ", sets)).append(")");
    // GROUPING(k0..kn): bit (n - 1 - i) is set when k_i is not grouped in the row's set.
    Map<Long, List<Integer>> setsOf = new HashMap<>(); // one mask for [a, b] and [b, a]
    for (int gi = 0; gi < groupings.size(); gi++) {
      long mask = 0;
      for (int i = 0; i < all.size(); i++) {
        if (!groupings.get(gi).contains(all.get(i))) mask |= 1L << (all.size() - 1 - i);
      }
      setsOf.computeIfAbsent(mask, m -> new ArrayList<>()).add(gi);
    }
    List<List<UsageRow>> out = new ArrayList<>();
    for (int gi = 0; gi < groupings.size(); gi++) out.add(new ArrayList<>());
    int n = all.size();
    query("sum usage by " + groupings, sql.toString(), params, rs -> {
      List<Integer> matched = setsOf.get(rs.getLong(n + 1));
      if (matched == null) return;
      long records = rs.getLong(n + 8);
      if (records == 0) return;
      long[] v = new long[6];
      for (int i = 0; i < 6; i++) v[i] = rs.getLong(n + 2 + i);
      BigDecimal cost = money(rs.getBigDecimal(n + 9));
      long unpriced = rs.getLong(n + 10);
      long people = rs.getLong(n + 11);
      for (int gi : matched) {
        List<GroupKey> keys = groupings.get(gi);
        String[] key = new String[keys.size()];
        for (int i = 0; i < keys.size(); i++) key[i] = keyText(keys.get(i), rs, all.indexOf(keys.get(i)) + 1);
        out.get(gi).add(new UsageRow(Collections.unmodifiableList(Arrays.asList(key)), v[0], v[1], v[2], v[3], v[4], v[5],
            records, cost, unpriced, people, 0));
      }
    });
    for (List<UsageRow> grouped : out) grouped.sort(ReferenceAnalyticsStore.KEY_ORDER);
    return out;
  }

  // ---- first use ----

  @Override
  public Map<String, LocalDate> firstUse(Scope s) {
    boolean rollup = LocalMinutes.wholeHoursSince1970(s.zone());
    List<Object> params = new ArrayList<>();
    String src = sources.usage(s, rollup, null, null, params);
    Map<String, LocalDate> out = new HashMap<>();
    query("find first use", "SELECT person, MIN(tmin) FROM " + src + " u WHERE person IS NOT NULL GROUP BY person", params,
        rs -> out.put(rs.getString(1), LocalDate.ofInstant(Instant.ofEpochSecond(rs.getLong(2) * 60), s.zone())));
    return out;
  }

  // ---- people and ranks ----

  private static final String[] OUTCOME_COLUMNS = {"commits", "prs", "lines_added", "lines_removed", "edits_accepted",
      "edits_rejected", "active_user", "active_agent"};
  private static final OutcomeKind[] OUTCOME_KINDS = {OutcomeKind.COMMIT, OutcomeKind.PULL_REQUEST,
      OutcomeKind.LINES_ADDED, OutcomeKind.LINES_REMOVED, OutcomeKind.EDIT_ACCEPTED, OutcomeKind.EDIT_REJECTED,
      OutcomeKind.ACTIVE_SECONDS_USER, OutcomeKind.ACTIVE_SECONDS_CLI};

  @Override
  public List<PersonStats> people(Scope s, LeaderboardMeasure measure) {
    LocalMinutes lm = clock(s);
    List<Object> params = new ArrayList<>();
    // Totals and active days per person, joined to the tools and models per person computed from the
    // distinct (person, tool, model) triples: cheaper than DISTINCT aggregates over every row.
    String totals = "SELECT person, CAST(SUM(tokens) AS BIGINT) AS tokens, SUM(cost) AS cost, CAST(SUM(records) AS BIGINT) "
        + "AS records, COUNT(DISTINCT " + day("t.lmin") + ") AS days FROM " + usageRows(s, lm, params)
        + " t WHERE person IS NOT NULL GROUP BY person";
    String u = "SELECT a.person, a.tokens, a.cost, a.records, a.days, v.tools, v.ntools, v.models FROM (" + totals + ") a JOIN ("
        + variety(s, lm, params) + ") v ON v.person = a.person";
    StringBuilder o = new StringBuilder("SELECT person");
    for (int i = 0; i < OUTCOME_KINDS.length; i++) {
      o.append(", SUM(CASE WHEN kind = '").append(OUTCOME_KINDS[i].label()).append("' THEN value ELSE 0 END) AS ")
          .append(OUTCOME_COLUMNS[i]);
    }
    o.append(" FROM ").append(sources.outcomes(s, lm.wholeHours, s.start(), s.end(), params))
        .append(" x WHERE person IS NOT NULL GROUP BY person");
    String value = switch (measure) {
      case TOKENS -> "u.tokens";
      case SPEND -> "u.cost";
      case ACTIVE_DAYS -> "u.days";
      case TOOLS -> "u.ntools";
      case OUTCOMES_PER_TOKEN -> "CASE WHEN u.tokens = 0 THEN CAST(0 AS DOUBLE PRECISION) ELSE CAST(COALESCE(o.commits, 0) "
          + "+ COALESCE(o.prs, 0) AS DOUBLE PRECISION) * CAST(1000000 AS DOUBLE PRECISION) / CAST(u.tokens AS DOUBLE PRECISION) END";
    };
    StringBuilder j = new StringBuilder("SELECT u.person, u.tokens, u.cost, u.records, u.days, u.tools, u.models");
    for (String c : OUTCOME_COLUMNS) j.append(", COALESCE(o.").append(c).append(", 0)");
    j.append(", ").append(value).append(" AS value FROM (").append(u).append(") u LEFT JOIN (").append(o)
        .append(") o ON o.person = u.person");
    String sql = "SELECT r.*, RANK() OVER (ORDER BY r.value DESC) AS rnk FROM (" + j + ") r ORDER BY rnk, "
        + d.textOrder("r.person");
    List<PersonStats> out = new ArrayList<>();
    query("rank people by " + measure.label(), sql, params, rs -> {
      String tools = rs.getString(6);
      double[] oc = new double[OUTCOME_COLUMNS.length];
      for (int i = 0; i < oc.length; i++) oc[i] = rs.getDouble(8 + i);
      int vc = 8 + OUTCOME_COLUMNS.length;
      BigDecimal v = measure == LeaderboardMeasure.OUTCOMES_PER_TOKEN ? BigDecimal.valueOf(rs.getDouble(vc))
          : measure == LeaderboardMeasure.SPEND ? money(rs.getBigDecimal(vc)) : BigDecimal.valueOf(rs.getLong(vc));
      out.add(new PersonStats(rs.getString(1), rs.getLong(2), money(rs.getBigDecimal(3)), rs.getLong(4), rs.getInt(5),
          tools == null || tools.isEmpty() ? List.of() : List.of(tools.split(",")), rs.getInt(7),
          oc[0], oc[1], oc[2], oc[3], oc[4], oc[5], oc[6], oc[7], v, rs.getInt(vc + 1)));
    });
    return out;
  }

  /** SQL: person, tools (comma-separated, sorted), ntools, models — per person with usage in scope. */
  private String variety(Scope s, LocalMinutes lm, List<Object> params) {
    String triples = "SELECT person, tool, model FROM " + sources.usage(s, lm.wholeHours, s.start(), s.end(), params)
        + " t WHERE person IS NOT NULL GROUP BY person, tool, model";
    return "SELECT person, string_agg(DISTINCT tool, ',' ORDER BY tool) AS tools, COUNT(DISTINCT tool) AS ntools, "
        + "COUNT(DISTINCT model) AS models FROM (" + triples + ") x GROUP BY person";
  }

  @Override
  public List<PersonVariety> variety(Scope s) {
    List<Object> params = new ArrayList<>();
    String sql = "SELECT person, ntools, models FROM (" + variety(s, clock(s), params) + ") v ORDER BY " + d.textOrder("person");
    List<PersonVariety> out = new ArrayList<>();
    query("count tools and models per person", sql, params,
        rs -> out.add(new PersonVariety(rs.getString(1), rs.getInt(2), rs.getInt(3))));
    return out;
  }

  // ---- depth and retention ----

  @Override
  public List<DepthRow> depth(Scope s, DepthThresholds t) {
    LocalMinutes lm = clock(s);
    List<Object> params = new ArrayList<>();
    String day = day("t.lmin");
    String pw = "SELECT person, " + week(day, s) + " AS w, COUNT(DISTINCT " + day + ") AS n FROM " + usageRows(s, lm, params)
        + " t WHERE person IS NOT NULL GROUP BY person, " + week(day, s);
    String sql = "SELECT w, SUM(CASE WHEN n < " + t.moderateFrom() + " THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN n >= " + t.moderateFrom() + " AND n < " + t.heavyFrom() + " THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN n >= " + t.heavyFrom() + " THEN 1 ELSE 0 END) FROM (" + pw + ") pw GROUP BY w ORDER BY w";
    List<DepthRow> out = new ArrayList<>();
    query("count depth cohorts", sql, params,
        rs -> out.add(new DepthRow(LocalDate.ofEpochDay(rs.getLong(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4))));
    return out;
  }

  @Override
  public List<RetentionRow> retention(Scope s) {
    LocalMinutes lm = clock(s);
    boolean rollup = lm.wholeHours && LocalMinutes.wholeHoursSince1970(s.zone());
    List<Object> activeParams = new ArrayList<>();
    String day = day("t.lmin");
    String a = "SELECT DISTINCT person, " + week(day, s) + " AS w FROM " + usageRows(s, lm, activeParams)
        + " t WHERE person IS NOT NULL";
    List<Object> firstParams = new ArrayList<>();
    String fu = "SELECT person, MIN(tmin) AS tmin FROM " + sources.usage(s, rollup, null, null, firstParams)
        + " f WHERE person IS NOT NULL GROUP BY person";
    String fd = day(lm.expr("f.tmin"));
    String c = "SELECT person, " + week(fd, s) + " AS cohort, " + fd + " AS fd FROM (" + fu + ") f";
    LocalDate firstWeek = s.from().with(java.time.temporal.TemporalAdjusters.previousOrSame(s.weekStart()));
    String k = d.intDiv("(a.w - c.cohort)", "7");
    String sql = "SELECT c.cohort, " + k + " AS k, COUNT(*) FROM (" + a + ") a JOIN (" + c
        + ") c ON c.person = a.person WHERE c.cohort >= " + firstWeek.toEpochDay() + " AND c.fd <= " + s.to().toEpochDay()
        + " AND a.w >= c.cohort GROUP BY c.cohort, " + k + " ORDER BY 1, 2";
    List<Object> params = new ArrayList<>(activeParams);
    params.addAll(firstParams);
    List<RetentionRow> out = new ArrayList<>();
    query("compute retention", sql, params,
        rs -> out.add(new RetentionRow(LocalDate.ofEpochDay(rs.getLong(1)), rs.getInt(2), rs.getLong(3))));
    return out;
  }

  // ---- sessions ----

  private boolean sessionRollup(Scope s) {
    return clock(s).wholeHours;
  }

  private String sessionParts(Scope s, List<Object> params) {
    Instant from = s.start().minus(ReferenceAnalyticsStore.SESSION_LOOKBACK);
    return sources.sessions(s, sessionRollup(s), from, s.end(), params);
  }

  @Override
  public List<SessionRow> sessions(Scope s, int limit) {
    if (limit < 0) throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    List<Object> params = new ArrayList<>();
    String parts = "SELECT person, tool, session_id, model, MIN(first_us) AS f, MAX(last_us) AS l, SUM(requests) AS req, "
        + "SUM(records) AS rec, SUM(tokens) AS tok, SUM(cost) AS cost FROM " + sessionParts(s, params)
        + " x GROUP BY person, tool, session_id, model";
    String sql = "SELECT session_id, person, tool, MIN(f), MAX(l), (array_agg(model ORDER BY tok DESC, " + d.textOrder("model")
        + "))[1], COUNT(*), CAST(SUM(req) AS BIGINT), CAST(SUM(rec) AS BIGINT), CAST(SUM(tok) AS BIGINT), SUM(cost) FROM ("
        + parts + ") p GROUP BY person, tool, session_id HAVING MIN(f) >= ? ORDER BY 4 DESC, " + d.textOrder("session_id")
        + ", " + d.textOrder("tool") + ", " + d.textOrder("person") + " NULLS LAST LIMIT " + limit;
    params.add(micros(s.start()));
    List<SessionRow> out = new ArrayList<>();
    query("list sessions", sql, params, rs -> out.add(new SessionRow(rs.getString(1), rs.getString(2), rs.getString(3),
        instantOfMicros(rs.getLong(4)), instantOfMicros(rs.getLong(5)), rs.getString(6), rs.getInt(7), rs.getLong(8),
        rs.getLong(9), rs.getLong(10), money(rs.getBigDecimal(11)))));
    return out;
  }

  @Override
  public SessionShapeStats sessionShapes(Scope s) {
    List<Object> params = new ArrayList<>();
    String sess = "SELECT MIN(first_us) AS f, MAX(last_us) AS l, SUM(requests) AS req, SUM(tokens) AS tok FROM "
        + sessionParts(s, params) + " x GROUP BY person, tool, session_id HAVING MIN(first_us) >= ?";
    params.add(micros(s.start()));
    String v = "SELECT CAST(l - f AS DOUBLE PRECISION) / CAST(60000000 AS DOUBLE PRECISION) AS dur, "
        + "CAST(tok AS DOUBLE PRECISION) AS tok, CAST(req AS DOUBLE PRECISION) AS req FROM (" + sess + ") s";
    StringBuilder sql = new StringBuilder("SELECT COUNT(*)");
    stats(sql, "dur", Histograms.DURATION_MINUTES);
    stats(sql, "tok", Histograms.SESSION_TOKENS);
    stats(sql, "req", Histograms.SESSION_REQUESTS);
    sql.append(" FROM (").append(v).append(") v");
    SessionShapeStats[] out = new SessionShapeStats[1];
    query("describe sessions", sql.toString(), params, rs -> {
      long n = rs.getLong(1);
      int[] col = {2};
      SessionShapeStats.Stats dur = readStats(rs, col, n, Histograms.DURATION_MINUTES);
      SessionShapeStats.Stats tok = readStats(rs, col, n, Histograms.SESSION_TOKENS);
      SessionShapeStats.Stats req = readStats(rs, col, n, Histograms.SESSION_REQUESTS);
      out[0] = new SessionShapeStats(n, dur, tok, req);
    });
    return out[0];
  }

  private void stats(StringBuilder sql, String col, double[] edges) {
    sql.append(", AVG(").append(col).append(')');
    sql.append(", ").append(d.percentilesCont(col, Histograms.PERCENTILES));
    for (int i = 0; i <= edges.length; i++) {
      sql.append(", SUM(CASE WHEN ");
      if (i > 0) sql.append(col).append(" >= ").append(edges[i - 1]);
      if (i > 0 && i < edges.length) sql.append(" AND ");
      if (i < edges.length) sql.append(col).append(" < ").append(edges[i]);
      sql.append(" THEN 1 ELSE 0 END)");
    }
  }

  private static SessionShapeStats.Stats readStats(ResultSet rs, int[] col, long n, double[] edges) throws SQLException {
    double mean = rs.getDouble(col[0]++);
    java.sql.Array array = rs.getArray(col[0]++);
    Object[] values = array == null ? null : (Object[]) array.getArray();
    List<Double> ps = new ArrayList<>();
    for (int i = 0; i < Histograms.PERCENTILES.size(); i++) {
      Object v = values == null || n == 0 ? null : values[i];
      ps.add(v == null ? null : ((Number) v).doubleValue());
    }
    List<Long> hist = new ArrayList<>();
    for (int i = 0; i <= edges.length; i++) hist.add(rs.getLong(col[0]++));
    return new SessionShapeStats.Stats(n, n == 0 ? 0 : mean, Collections.unmodifiableList(ps), List.copyOf(hist));
  }

  // ---- outcomes ----

  @Override
  public Map<OutcomeKind, Double> outcomes(Scope s) {
    List<Object> params = new ArrayList<>();
    String src = sources.outcomes(s, clock(s).wholeHours, s.start(), s.end(), params);
    Map<OutcomeKind, Double> out = new EnumMap<>(OutcomeKind.class);
    query("sum outcomes", "SELECT kind, SUM(value) FROM " + src + " o GROUP BY kind", params,
        rs -> out.put(OutcomeKind.parse(rs.getString(1)), rs.getDouble(2)));
    return out;
  }

  @Override
  public Map<String, Map<OutcomeKind, Double>> outcomesByPerson(Scope s) {
    List<Object> params = new ArrayList<>();
    String src = sources.outcomes(s, clock(s).wholeHours, s.start(), s.end(), params);
    Map<String, Map<OutcomeKind, Double>> out = new HashMap<>();
    query("sum outcomes by person", "SELECT person, kind, SUM(value) FROM " + src
        + " o WHERE person IS NOT NULL GROUP BY person, kind", params,
        rs -> out.computeIfAbsent(rs.getString(1), p -> new EnumMap<>(OutcomeKind.class))
            .put(OutcomeKind.parse(rs.getString(2)), rs.getDouble(3)));
    return out;
  }

  // ---- spend shares ----

  private static int days(Scope s) {
    return (int) ChronoUnit.DAYS.between(s.from(), s.to()) + 1;
  }

  private static String share(String spend, String loaded, int days) {
    return "CASE WHEN " + loaded + " > 0 THEN CAST(" + spend + " AS DOUBLE PRECISION) * CAST(365 AS DOUBLE PRECISION) / "
        + "CAST(" + days + " AS DOUBLE PRECISION) / CAST(" + loaded + " AS DOUBLE PRECISION) END";
  }

  @Override
  public List<SpendShareRow> personSpendShares(Scope s) {
    LocalMinutes lm = clock(s);
    List<Object> params = new ArrayList<>();
    String sql = "SELECT t.person, SUM(t.cost) AS spend, p.annual_loaded_cost, "
        + share("SUM(t.cost)", "p.annual_loaded_cost", days(s)) + " FROM " + usageRows(s, lm, params)
        + " t JOIN person p ON p.id = t.person GROUP BY t.person, p.annual_loaded_cost ORDER BY " + d.textOrder("t.person");
    List<SpendShareRow> out = new ArrayList<>();
    query("compute spend shares", sql, params, rs -> {
      double share = rs.getDouble(4);
      out.add(new SpendShareRow(rs.getString(1), 1, money(rs.getBigDecimal(2)), moneyOrNull(rs.getBigDecimal(3)),
          rs.wasNull() ? null : share));
    });
    return out;
  }

  @Override
  public List<SpendShareRow> teamSpendShares(Scope s) {
    LocalMinutes lm = clock(s);
    List<Object> params = new ArrayList<>();
    Where m = new Where().add("team IS NOT NULL");
    sources.people(s, m, "id");
    String members = "SELECT id, team, annual_loaded_cost FROM person" + m.sql();
    List<Object> all = new ArrayList<>(m.params);
    String spend = "SELECT p.team, SUM(t.cost) AS spend FROM " + usageRows(s, lm, params)
        + " t JOIN person p ON p.id = t.person WHERE p.team IS NOT NULL GROUP BY p.team";
    all.addAll(params);
    String sql = "SELECT m.team, COUNT(*), SUM(m.annual_loaded_cost), COALESCE(MAX(sp.spend), 0) FROM (" + members + ") m "
        + "LEFT JOIN (" + spend + ") sp ON sp.team = m.team GROUP BY m.team ORDER BY " + d.textOrder("m.team");
    List<SpendShareRow> out = new ArrayList<>();
    int n = days(s);
    query("compute team spend shares", sql, all, rs -> {
      BigDecimal loaded = moneyOrNull(rs.getBigDecimal(3));
      BigDecimal sp = money(rs.getBigDecimal(4));
      out.add(new SpendShareRow(rs.getString(1), rs.getInt(2), sp, loaded, ReferenceAnalyticsStore.share(sp, loaded, n)));
    });
    return out;
  }

  // ---- unattributed ----

  @Override
  public UnattributedTotals unattributedTotals(Scope s) {
    LocalMinutes lm = clock(s);
    List<Object> params = new ArrayList<>();
    String g = "SELECT identity_kind, identity_value, SUM(records) AS rec, SUM(tokens) AS tok, SUM(cost) AS cost FROM "
        + sources.usage(s, lm.wholeHours, s.start(), s.end(), params) + " u WHERE person IS NULL GROUP BY identity_kind, identity_value";
    UnattributedTotals[] out = {UnattributedTotals.NONE};
    query("sum unattributed usage", "SELECT CAST(SUM(rec) AS BIGINT), CAST(SUM(tok) AS BIGINT), SUM(cost), COUNT(*) FROM ("
        + g + ") g", params, rs -> {
          long n = rs.getLong(4);
          if (n > 0) out[0] = new UnattributedTotals(rs.getLong(1), rs.getLong(2), money(rs.getBigDecimal(3)), n);
        });
    return out[0];
  }

  @Override
  public List<IdentityUsage> unattributed(Scope s, int limit) {
    if (limit < 0) throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    LocalMinutes lm = clock(s);
    List<Object> params = new ArrayList<>();
    String sql = "SELECT identity_kind, identity_value, string_agg(DISTINCT tool, ',' ORDER BY tool), CAST(SUM(records) AS BIGINT), "
        + "CAST(SUM(tokens) AS BIGINT) AS tok, SUM(cost), MIN(" + d.intDiv("tmin", "60") + "), MAX(" + d.intDiv("tmin", "60")
        + ") FROM " + sources.usage(s, lm.wholeHours, s.start(), s.end(), params) + " u WHERE person IS NULL "
        + "GROUP BY identity_kind, identity_value ORDER BY tok DESC, " + d.textOrder("identity_kind") + " NULLS LAST, "
        + d.textOrder("identity_value") + " NULLS LAST LIMIT " + limit;
    List<IdentityUsage> out = new ArrayList<>();
    query("list unattributed identities", sql, params, rs -> out.add(new IdentityUsage(rs.getString(1), rs.getString(2),
        List.of(rs.getString(3).split(",")), rs.getLong(4), rs.getLong(5), money(rs.getBigDecimal(6)),
        Instant.ofEpochSecond(rs.getLong(7) * 3600), Instant.ofEpochSecond(rs.getLong(8) * 3600))));
    return out;
  }

  // ---- plumbing ----

  private static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  private static Instant instantOfMicros(long us) {
    return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
  }

  /** Money as the stores return it: by value, without trailing zeros. */
  static BigDecimal money(BigDecimal v) {
    if (v == null) return BigDecimal.ZERO;
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  private static BigDecimal moneyOrNull(BigDecimal v) {
    return v == null ? null : money(v);
  }

  private interface Rows {
    void row(ResultSet rs) throws SQLException;
  }

  private void query(String what, String sql, List<Object> params, Rows rows) {
    try (Connection c = connections.open(); PreparedStatement ps = c.prepareStatement(sql)) {
      new Sql(sql, params).bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) rows.row(rs);
      }
    } catch (SQLException e) {
      throw new StorageException(description + ": could not " + what + ": " + e.getMessage(), e);
    }
  }
}
