package io.tokenmaxx.server.web;

import io.tokenmaxx.analyze.AnalyticsFilter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@link FilterBar} of a page from its filters and the options of the moment. */
final class FilterBars {
  private FilterBars() {}

  static FilterBar of(String path, Filters filters, QueryString query, WebContext ctx, boolean datesOnly) {
    AnalyticsFilter f = filters.analytics();
    LocalDate today = LocalDate.now(ctx.clock().withZone(ctx.zone()));
    FilterOptions.Lists lists = ctx.options().lists();
    QueryString keep = query.without(Filters.KEYS.toArray(String[]::new));
    List<FilterBar.Preset> presets = new ArrayList<>();
    for (int[] p : new int[][] {{7, 0}, {28, 0}, {84, 0}, {182, 0}}) {
      LocalDate from = today.minusDays(p[0] - 1L);
      QueryString q = query.with("from", from.toString()).with("to", today.toString());
      boolean current = f.from().equals(from) && f.to().equals(today);
      String label = p[0] == 7 ? "7 days" : p[0] == 28 ? "4 weeks" : p[0] == 84 ? "12 weeks" : "26 weeks";
      presets.add(new FilterBar.Preset(label, q.on(path), current));
    }
    // With departments chosen, the team list offers their teams (and any team already chosen).
    List<FilterBar.Option> teams = lists.teams();
    if (!f.departments().isEmpty()) {
      teams = teams.stream().filter(o -> f.departments().contains(lists.teamDepartments().get(o.value()))
          || f.teams().contains(o.value())).toList();
    }
    return new FilterBar(path, f.from(), f.to(), today, presets, lists.departments(), teams,
        lists.tools(), lists.models(), filters.query(), keep, datesOnly);
  }
}
