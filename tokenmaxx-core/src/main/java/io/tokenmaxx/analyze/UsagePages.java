package io.tokenmaxx.analyze;

import io.tokenmaxx.analyze.page.TokenCounts;
import io.tokenmaxx.analyze.page.UsagePage;
import io.tokenmaxx.analyze.store.GroupKey;
import io.tokenmaxx.analyze.store.Histograms;
import io.tokenmaxx.analyze.store.SessionShapeStats;
import io.tokenmaxx.analyze.store.UsageRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Builds the "how tokens are used" page. */
final class UsagePages {
  private UsagePages() {}

  static UsagePage build(Request q) {
    var store = q.service.store;
    var breakdowns = q.later(() -> store.sumsBy(q.scope, List.of(List.of(),
        List.of(GroupKey.DAY_OF_WEEK, GroupKey.HOUR_OF_DAY), List.of(GroupKey.TOOL_CATEGORY), List.of(GroupKey.TOOL),
        List.of(GroupKey.MODEL))));
    var totalRows = breakdowns.map(b -> b.get(0));
    var unattributedLater = OverviewPages.laterUnattributed(q);
    var shapes = q.later(() -> store.sessionShapes(q.scope));
    var heatRows = breakdowns.map(b -> b.get(1));
    var categoryRows = breakdowns.map(b -> b.get(2));
    var toolRows = breakdowns.map(b -> b.get(3));
    var modelRows = breakdowns.map(b -> b.get(4));
    Set<String> population = q.population(q.filter.to());
    UsageRow total = Mixes.only(totalRows.get());
    boolean hide = q.hidePopulation(population) || q.privacy.hidesPage();
    var heatPeople = hide || q.privacy.open() ? null
        : q.later(() -> store.sums(q.scope, List.of(GroupKey.DAY_OF_WEEK, GroupKey.HOUR_OF_DAY, GroupKey.WEEK, GroupKey.PERSON)));
    var unattributed = unattributedLater.get();
    if (hide) {
      return new UsagePage(q.period, true, List.of(), List.of(), List.of(), null, null, List.of(), unattributed);
    }
    SessionShapeStats s = shapes.get();
    var sessions = new UsagePage.SessionShapes(s.sessions(),
        Mixes.distribution("minutes", s.durationMinutes(), Histograms.DURATION_MINUTES, false),
        Mixes.distribution("tokens", s.tokens(), Histograms.SESSION_TOKENS, false),
        Mixes.distribution("requests", s.requests(), Histograms.SESSION_REQUESTS, false));
    TokenCounts t = Mixes.tokens(total);
    long prompt = t.input() + t.cacheRead() + t.cacheWrite();
    var ratios = new UsagePage.TokenRatios(t, Mixes.ratio(t.cacheRead(), prompt), Mixes.ratio(t.output() + t.reasoning(), prompt));
    List<UsagePage.HeatCell> heat = new ArrayList<>();
    Set<String> hiddenCells = heatPeople == null ? Set.of() : hiddenCells(q, heatPeople.get());
    for (UsageRow r : heatRows.get()) {
      int dow = Integer.parseInt(r.key(0));
      int hour = Integer.parseInt(r.key(1));
      if (hiddenCells.contains(r.key(0) + " " + r.key(1))) {
        heat.add(new UsagePage.HeatCell(dow, hour, null, null, null, null, true));
      } else {
        heat.add(new UsagePage.HeatCell(dow, hour, r.totalTokens(), r.requests(), r.records(), r.people(), false));
      }
    }
    return new UsagePage(q.period, false,
        Mixes.mix(categoryRows.get(), q.privacy.rows(Disclosure.Dim.CATEGORY), UsagePages::categoryLabel, k -> k),
        Mixes.mix(toolRows.get(), q.privacy.rows(Disclosure.Dim.TOOL), k -> k, Mixes::toolCategory),
        Mixes.mix(modelRows.get(), q.privacy.rows(Disclosure.Dim.MODEL), k -> k, null),
        sessions, ratios, heat, unattributed);
  }

  /** Hour x weekday cells ("dow hour") a restricted viewer may not see, from usage by cell, week and person. */
  private static Set<String> hiddenCells(Request q, List<UsageRow> rows) {
    java.util.Map<String, java.util.Map<Integer, Set<String>>> counted = new java.util.HashMap<>();
    for (UsageRow r : rows) {
      var weeks = counted.computeIfAbsent(r.key(0) + " " + r.key(1), c -> new java.util.HashMap<>());
      var people = weeks.computeIfAbsent((int) java.time.LocalDate.parse(r.key(2)).toEpochDay(), w -> new java.util.HashSet<>());
      if (q.privacy.counts(r.key(3))) people.add(r.key(3));
    }
    return q.privacy.hiddenCells(counted);
  }

  static String categoryLabel(String key) {
    if (key == null) return "other";
    return switch (key) {
      case "coding-agent" -> "Coding agent";
      case "chat" -> "Chat";
      case "api" -> "API";
      default -> key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1);
    };
  }
}
