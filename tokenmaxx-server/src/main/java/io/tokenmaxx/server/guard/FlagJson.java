package io.tokenmaxx.server.guard;

import io.tokenmaxx.guard.GuardFlag;
import io.tokenmaxx.guard.SignalHit;
import io.tokenmaxx.identity.Person;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A flag as the API shows it: who, which week, the signals with their evidence, the review. */
final class FlagJson {
  private FlagJson() {}

  static Map<String, Object> of(GuardFlag f, Person p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("person", f.person());
    m.put("name", p == null ? null : p.name());
    m.put("team", p == null ? null : p.team());
    m.put("week", f.week());
    m.put("score", f.score());
    m.put("status", f.status().label());
    List<Map<String, Object>> signals = new ArrayList<>();
    for (SignalHit h : f.signals()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("signal", h.signal().label());
      s.put("weight", h.weight());
      s.put("meaning", h.signal().meaning());
      s.put("summary", h.summary());
      s.put("evidence", h.evidence());
      signals.add(s);
    }
    m.put("signals", signals);
    m.put("measures", f.measures());
    m.put("detectedAt", f.detectedAt());
    if (f.reviewedBy() != null) {
      m.put("reviewedBy", f.reviewedBy());
      m.put("reviewedAt", f.reviewedAt());
      m.put("reason", f.reason());
    }
    return m;
  }
}
