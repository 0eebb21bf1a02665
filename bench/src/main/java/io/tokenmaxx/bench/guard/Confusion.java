package io.tokenmaxx.bench.guard;

import io.tokenmaxx.demo.Persona;
import io.tokenmaxx.guard.GuardFlag;
import io.tokenmaxx.guard.Signal;
import io.tokenmaxx.guard.SignalHit;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Per-persona counts of flagged and unflagged person-weeks against the ground truth. */
final class Confusion {
  /** person-weeks, flagged, and per signal how often it fired. */
  static final class Row {
    long weeks;
    long flagged;
    final Map<Signal, Long> signals = new EnumMap<>(Signal.class);
  }

  final Map<String, Row> burners = new TreeMap<>();
  final Map<String, Row> legit = new TreeMap<>();

  void add(Persona persona, boolean burnWeek, GuardFlag flag) {
    String name = persona.name().toLowerCase(Locale.ROOT).replace('_', '-');
    Row row = (burnWeek ? burners : legit).computeIfAbsent(burnWeek ? name : name + (persona.burner() ? " (weeks not burning)" : ""), k -> new Row());
    row.weeks++;
    if (flag != null) {
      row.flagged++;
      for (SignalHit h : flag.signals()) row.signals.merge(h.signal(), 1L, Long::sum);
    }
  }

  long tp() { return burners.values().stream().mapToLong(r -> r.flagged).sum(); }
  long positives() { return burners.values().stream().mapToLong(r -> r.weeks).sum(); }
  long fp() { return legit.values().stream().mapToLong(r -> r.flagged).sum(); }
  long negatives() { return legit.values().stream().mapToLong(r -> r.weeks).sum(); }

  String table() {
    StringBuilder sb = new StringBuilder();
    sb.append("| kind | person-weeks | flagged | rate | signals that fired |\n|---|---:|---:|---:|---|\n");
    sb.append("| **burner weeks (should be flagged)** | | | | |\n");
    burners.forEach((k, r) -> sb.append(row(k, r, "recall")));
    sb.append(String.format(Locale.ROOT, "| **all burner weeks** | %d | %d | **recall %.1f%%** | |%n", positives(), tp(), 100.0 * tp() / Math.max(1, positives())));
    sb.append("| **legitimate weeks (should not be flagged)** | | | | |\n");
    legit.forEach((k, r) -> sb.append(row(k, r, "FP")));
    sb.append(String.format(Locale.ROOT, "| **all legitimate active weeks** | %d | %d | **false-positive rate %.2f%%** | |%n", negatives(), fp(), 100.0 * fp() / Math.max(1, negatives())));
    sb.append(String.format(Locale.ROOT, "%nconfusion: TP %d  FN %d  FP %d  TN %d%n", tp(), positives() - tp(), fp(), negatives() - fp()));
    return sb.toString();
  }

  private static String row(String kind, Row r, String what) {
    StringBuilder s = new StringBuilder();
    r.signals.entrySet().stream().sorted(Map.Entry.<Signal, Long>comparingByValue().reversed())
        .forEach(e -> s.append(s.isEmpty() ? "" : ", ").append(e.getKey().label()).append(' ').append(e.getValue()));
    return String.format(Locale.ROOT, "| %s | %d | %d | %.1f%% | %s |%n", kind, r.weeks, r.flagged,
        100.0 * r.flagged / Math.max(1, r.weeks), s);
  }
}
