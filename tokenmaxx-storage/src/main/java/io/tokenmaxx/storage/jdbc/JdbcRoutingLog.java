package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.metering.RoutingDecision;
import io.tokenmaxx.metering.RoutingLog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link RoutingLog} in the {@code gateway_routing} and {@code gateway_routing_attempt} tables, for both backends. */
public final class JdbcRoutingLog implements RoutingLog {
  private final Transactions tx;

  public JdbcRoutingLog(Transactions tx) {
    this.tx = tx;
  }

  @Override
  public void accept(List<RoutingDecision> decisions) {
    if (decisions.isEmpty()) return;
    for (RoutingDecision d : decisions) check(d);
    tx.write("store routing decisions", c -> {
      for (List<RoutingDecision> part : Values.chunks(decisions)) {
        List<Object> v = new ArrayList<>(part.size() * 13);
        List<Object> a = new ArrayList<>();
        int tries = 0;
        for (RoutingDecision d : part) {
          v.add(d.id());
          v.add(at(d.timestamp()));
          v.add(d.keyId());
          v.add(d.person());
          v.add(d.team());
          v.add(d.endpoint());
          v.add(d.requestedModel());
          v.add(d.servedModel());
          v.add(d.upstream());
          v.add(d.httpStatus());
          v.add(d.strategy());
          v.add(d.escalation());
          v.add(money(d.cost()));
          int seq = 0;
          for (RoutingDecision.Try t : d.attempts()) {
            a.add(d.id());
            a.add(seq++);
            a.add(t.upstream());
            a.add(t.model());
            a.add(t.status());
            a.add(t.outcome());
            a.add(t.reason());
            a.add(t.latencyMs());
            a.add(money(t.cost()));
            tries++;
          }
        }
        long fresh = JdbcDirectory.update(c, "INSERT INTO gateway_routing (id, ts, key_id, person, team, endpoint, "
            + "requested_model, served_model, upstream, http_status, strategy, escalation, cost) VALUES "
            + Values.placeholders(part.size(), 13) + " ON CONFLICT (id) DO NOTHING", v);
        if (tries > 0 && fresh > 0) {
          JdbcDirectory.update(c, "INSERT INTO gateway_routing_attempt (routing_id, seq, upstream, model, status, outcome, "
              + "reason, latency_ms, cost) VALUES " + Values.placeholders(tries, 9)
              + " ON CONFLICT (routing_id, seq) DO NOTHING", a);
        }
      }
      return null;
    });
  }

  @Override
  public List<RoutingDecision> recent(Instant from, Instant to, String person, String team, int limit) {
    if (limit <= 0) return List.of();
    StringBuilder where = new StringBuilder("ts >= ? AND ts < ?");
    List<Object> p = new ArrayList<>(List.of(at(from), at(to)));
    if (person != null) {
      where.append(" AND person = ?");
      p.add(person);
    }
    if (team != null) {
      where.append(" AND team = ?");
      p.add(team);
    }
    List<Object> head = new ArrayList<>(p);
    head.add(limit);
    Map<String, RoutingDecision> byId = new LinkedHashMap<>();
    Map<String, List<RoutingDecision.Try>> tries = new LinkedHashMap<>();
    tx.read("read routing decisions", c -> {
      String decisions = "SELECT id, ts, key_id, person, team, endpoint, requested_model, served_model, upstream, "
          + "http_status, strategy, escalation, cost FROM gateway_routing WHERE " + where + " ORDER BY ts DESC, id LIMIT ?";
      JdbcDirectory.query(c, decisions, head, rs -> {
        String id = rs.getString(1);
        tries.put(id, new ArrayList<>());
        byId.put(id, new RoutingDecision(id, rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
            rs.getInt(10), rs.getString(11), rs.getString(12), plain(rs.getBigDecimal(13)), List.of()));
      });
      if (byId.isEmpty()) return null;
      List<Object> ids = new ArrayList<>(byId.keySet());
      JdbcDirectory.query(c, "SELECT routing_id, upstream, model, status, outcome, reason, latency_ms, cost "
          + "FROM gateway_routing_attempt WHERE routing_id IN (" + Values.placeholders(1, ids.size()).replaceAll("[()]", "")
          + ") ORDER BY routing_id, seq", ids, rs -> {
            int st = rs.getInt(4);
            Integer status = rs.wasNull() ? null : st;
            tries.get(rs.getString(1)).add(new RoutingDecision.Try(rs.getString(2), rs.getString(3), status,
                rs.getString(5), rs.getString(6), rs.getLong(7), plain(rs.getBigDecimal(8))));
          });
      return null;
    });
    List<RoutingDecision> out = new ArrayList<>(byId.size());
    for (RoutingDecision d : byId.values()) {
      out.add(new RoutingDecision(d.id(), d.timestamp(), d.keyId(), d.person(), d.team(), d.endpoint(),
          d.requestedModel(), d.servedModel(), d.upstream(), d.httpStatus(), d.strategy(), d.escalation(), d.cost(),
          tries.get(d.id())));
    }
    return out;
  }

  private static void check(RoutingDecision d) {
    String where = "routing decision " + d.id();
    RecordChecks.checkText(where, "endpoint", d.endpoint());
    RecordChecks.checkText(where, "strategy", d.strategy());
    RecordChecks.checkText(where, "requested_model", d.requestedModel());
    RecordChecks.checkText(where, "served_model", d.servedModel());
    if (d.cost() != null) RecordChecks.checkCost(where, "cost", d.cost());
    for (RoutingDecision.Try t : d.attempts()) {
      RecordChecks.checkText(where, "attempts.upstream", t.upstream());
      RecordChecks.checkText(where, "attempts.model", t.model());
      RecordChecks.checkText(where, "attempts.reason", t.reason());
      if (t.cost() != null) RecordChecks.checkCost(where, "attempts.cost", t.cost());
    }
  }

  private static BigDecimal money(BigDecimal v) {
    return v == null ? null : v.setScale(18, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal plain(BigDecimal v) {
    return v == null ? null : v.stripTrailingZeros();
  }

  private static OffsetDateTime at(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }
}
