package io.tokenmaxx.cli.report;

import io.tokenmaxx.analyze.CostBasis;
import io.tokenmaxx.collect.local.UsageTable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** One report row: a period (or session, or model), its sums, its models, tools and breakdown. */
final class Row {
  final String period;
  /** For session rows: the tool and project the session belongs to. */
  String tool;
  String project;
  final Sums sums = new Sums();
  final TreeSet<String> tools = new TreeSet<>();
  final Map<String, Sums> models = new TreeMap<>();
  /** The {@code --by} breakdown, keyed by tool, model or project. */
  final Map<String, Sums> breakdown = new LinkedHashMap<>();

  private final Map<Integer, Sums> byModelId = new HashMap<>();
  private final Map<Integer, Sums> byKeyId = new HashMap<>();
  private final TreeSet<Integer> toolIds = new TreeSet<>();
  private int lastModel = -1;
  private Sums lastModelSums;

  Row(String period) {
    this.period = period;
  }

  void add(UsageTable t, int i, CostBasis basis, ReportOptions.By by) {
    sums.add(t, i, basis);
    int m = t.modelId(i);
    if (m != lastModel) {
      lastModelSums = byModelId.computeIfAbsent(m, k -> new Sums());
      lastModel = m;
    }
    lastModelSums.add(t, i, basis);
    toolIds.add(t.toolId(i));
    if (by != null) {
      int key = switch (by) {
        case TOOL -> t.toolId(i);
        case MODEL -> m;
        case PROJECT -> t.projectId(i);
      };
      byKeyId.computeIfAbsent(key, k -> new Sums()).add(t, i, basis);
    }
  }

  /**
   * Resolves interned ids to names once all rows are in. A model (or --by key) with no tokens in
   * the row (prompts, failed requests: no model, or one that served nothing) is not listed.
   */
  void finish(UsageTable t) {
    for (int id : toolIds) tools.add(t.string(id));
    byModelId.forEach((id, s) -> {
      if (s.total() == 0) return;
      models.merge(t.string(id), s, (a, b) -> {
        a.add(b);
        return a;
      });
    });
    TreeMap<String, Sums> sorted = new TreeMap<>();
    byKeyId.forEach((id, s) -> {
      if (s.total() == 0) return;
      sorted.merge(id < 0 ? "unknown" : t.string(id), s, (a, b) -> {
        a.add(b);
        return a;
      });
    });
    breakdown.putAll(sorted);
  }
}
