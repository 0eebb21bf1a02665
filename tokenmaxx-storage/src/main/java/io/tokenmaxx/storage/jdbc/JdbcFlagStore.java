package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.guard.FlagFilter;
import io.tokenmaxx.guard.FlagStore;
import io.tokenmaxx.guard.GuardFlag;
import io.tokenmaxx.guard.Signal;
import io.tokenmaxx.guard.SignalHit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link FlagStore} in SQL: table {@code guard_flag}, one row per flagged person-week; the signals
 * and measurements are kept as JSON evidence so a reviewer sees exactly what raised the flag.
 */
public final class JdbcFlagStore implements FlagStore {
  private final Transactions tx;
  private final String select;

  public JdbcFlagStore(Transactions tx, Dialect dialect) {
    this.tx = tx;
    this.select = "SELECT person, week, score, evidence, " + dialect.epochMicros("detected_at") + ", status, reviewed_by, "
        + dialect.epochMicros("reviewed_at") + ", reason FROM guard_flag";
  }

  @Override
  public Update replace(LocalDate fromWeek, LocalDate toWeek, List<GuardFlag> fresh) {
    Objects.requireNonNull(fresh, "flags");
    for (GuardFlag f : fresh) {
      if (f.week().isBefore(fromWeek) || !f.week().isBefore(toWeek)) {
        throw new IllegalArgumentException("flag for " + f.person() + " week " + f.week() + " is outside " + fromWeek + ".." + toWeek);
      }
      RecordChecks.checkText("flag", "person", f.person());
    }
    return tx.write("store guard flags", c -> {
      Map<String, String> existing = new HashMap<>();
      Statements.query(c, "SELECT person, week, status FROM guard_flag WHERE week >= ? AND week < ?", List.of(fromWeek, toWeek),
          rs -> existing.put(key(rs.getString(1), rs.getObject(2, LocalDate.class)), rs.getString(3)));
      Set<String> raised = new HashSet<>();
      int added = 0;
      for (GuardFlag f : fresh) {
        if (!raised.add(key(f.person(), f.week()))) continue;
        if (!existing.containsKey(key(f.person(), f.week()))) added++;
      }
      List<GuardFlag> unique = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (GuardFlag f : fresh) if (seen.add(key(f.person(), f.week()))) unique.add(f);
      for (List<GuardFlag> chunk : Values.chunks(unique)) upsert(c, chunk);
      List<Object> stale = new ArrayList<>();
      existing.forEach((k, status) -> {
        if (!raised.contains(k) && status.equals(GuardFlag.Status.OPEN.label())) stale.add(k);
      });
      for (List<Object> chunk : Values.chunks(stale)) {
        Statements.update(c, "DELETE FROM guard_flag WHERE status = 'open' AND (person || '|' || CAST(week AS VARCHAR)) IN "
            + Values.placeholders(1, chunk.size()), chunk);
      }
      return new Update(added, unique.size() - added, stale.size());
    });
  }

  private static String key(String person, LocalDate week) {
    return person + "|" + week;
  }

  private static void upsert(Connection c, List<GuardFlag> chunk) throws SQLException {
    List<Object> v = new ArrayList<>();
    for (GuardFlag f : chunk) {
      v.add(f.person());
      v.add(f.week());
      v.add(f.score());
      v.add(String.join(",", f.signals().stream().map(h -> h.signal().label()).toList()));
      v.add(Statements.json(evidence(f)));
      v.add(Statements.timestamp(f.detectedAt()));
      v.add(GuardFlag.Status.OPEN.label());
    }
    Statements.update(c, "INSERT INTO guard_flag (person, week, score, signals, evidence, detected_at, status) VALUES "
        + Values.placeholders(chunk.size(), 7) + " ON CONFLICT (person, week) DO UPDATE SET score = EXCLUDED.score, "
        + "signals = EXCLUDED.signals, evidence = EXCLUDED.evidence, detected_at = EXCLUDED.detected_at", v);
  }

  private static Map<String, Object> evidence(GuardFlag f) {
    List<Map<String, Object>> hits = new ArrayList<>();
    for (SignalHit h : f.signals()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("signal", h.signal().label());
      m.put("weight", h.weight());
      m.put("summary", h.summary());
      m.put("evidence", h.evidence());
      hits.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("signals", hits);
    out.put("measures", f.measures());
    return out;
  }

  @Override
  public List<GuardFlag> list(FlagFilter f) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> v = new ArrayList<>();
    if (f.fromWeek() != null) { where.append(" AND week >= ?"); v.add(f.fromWeek()); }
    if (f.toWeek() != null) { where.append(" AND week < ?"); v.add(f.toWeek()); }
    if (f.status() != null) { where.append(" AND status = ?"); v.add(f.status().label()); }
    if (!f.persons().isEmpty()) {
      where.append(" AND person IN ").append(Values.placeholders(1, f.persons().size()));
      v.addAll(new TreeSet<>(f.persons()));
    }
    where.append(" ORDER BY week DESC, score DESC, person");
    List<GuardFlag> out = new ArrayList<>();
    tx.read("list guard flags", c -> {
      Statements.query(c, select + where, v, rs -> out.add(row(rs)));
      return null;
    });
    return out;
  }

  @Override
  public Optional<GuardFlag> get(String person, LocalDate week) {
    List<GuardFlag> out = new ArrayList<>();
    tx.read("read the flag of " + person + " for " + week, c -> {
      Statements.query(c, select + " WHERE person = ? AND week = ?", List.of(person, week), rs -> out.add(row(rs)));
      return null;
    });
    return out.stream().findFirst();
  }

  @Override
  public boolean review(String person, LocalDate week, GuardFlag.Status status, String by, String reason, Instant at) {
    Objects.requireNonNull(status, "status");
    RecordChecks.checkText("review", "reason", reason);
    RecordChecks.checkText("review", "by", by);
    List<Object> v = new ArrayList<>();
    v.add(status.label());
    v.add(by);
    v.add(Statements.timestamp(at));
    v.add(reason);
    v.add(person);
    v.add(week);
    return tx.write("review the flag of " + person + " for " + week, c -> Statements.update(c,
        "UPDATE guard_flag SET status = ?, reviewed_by = ?, reviewed_at = ?, reason = ? WHERE person = ? AND week = ?", v) > 0);
  }

  @SuppressWarnings("unchecked")
  private static GuardFlag row(ResultSet rs) throws SQLException {
    Map<String, Object> evidence = Statements.object(rs.getString(4));
    List<SignalHit> hits = new ArrayList<>();
    for (Map<String, Object> h : (List<Map<String, Object>>) evidence.getOrDefault("signals", List.of())) {
      hits.add(new SignalHit(Signal.parse((String) h.get("signal")), ((Number) h.get("weight")).doubleValue(),
          (String) h.get("summary"), (Map<String, Object>) h.get("evidence")));
    }
    return new GuardFlag(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getDouble(3), hits,
        (Map<String, Object>) evidence.getOrDefault("measures", Map.of()), Statements.instant(rs, 5),
        GuardFlag.Status.parse(rs.getString(6)), rs.getString(7), Statements.instant(rs, 8), rs.getString(9));
  }
}
