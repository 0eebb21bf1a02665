package io.tokenmaxx.server.web.pages;

import io.tokenmaxx.analyze.page.AdoptionPage.ActiveCount;
import io.tokenmaxx.analyze.page.AdoptionPage.WeekDepth;
import io.tokenmaxx.analyze.page.GroupAdoption;
import io.tokenmaxx.analyze.page.MixRow;
import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.Chart;
import io.tokenmaxx.server.web.Chart.Unit;
import io.tokenmaxx.server.web.NavItem;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.WebContext;
import io.tokenmaxx.server.web.WebRequest;
import java.util.List;

/**
 * {@code /adoption}: how broadly (groups over the threshold) and how deeply (active days per week)
 * AI is used, whether it sticks (retention by cohort), how quickly joiners start, and how many
 * tools and models people use.
 */
public final class AdoptionPage implements Page {

  public record Model(io.tokenmaxx.analyze.page.AdoptionPage page, Chart breadth, Chart depth, Chart daily,
      Chart weekly, Chart timeToFirstUse, Chart toolsPerPerson, Chart modelsPerPerson, Chart toolPeople,
      Names names) {}

  private final WebContext ctx;

  public AdoptionPage(WebContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(NavItem.page("adoption", "Adoption", "/adoption", 20));
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/adoption", Access.SIGNED_IN, this::show);
  }

  private Result show(WebRequest w) {
    var page = ctx.analytics().adoption(w.viewer(), w.filter());
    List<GroupAdoption> depts = page.breadth().departmentRows().stream()
        .filter(g -> !g.suppressed() && g.rate() != null).toList();
    Chart breadth = Chart.of("hbar", Unit.PERCENT, "Share of each department active in 28 days, with the adoption threshold")
        .x(depts.stream().map(GroupAdoption::name).toList())
        .series("Active in 28 days", depts.stream().map(GroupAdoption::rate).toList())
        .mark("threshold", page.settings().breadthThreshold()).max(1).build();
    List<WeekDepth> weeks = page.depth().stream().filter(d -> !d.suppressed()).toList();
    var s = page.settings();
    Chart depth = Chart.of("stacked", Unit.COUNT, "People per week by active days: none, light, moderate, heavy")
        .x(weeks.stream().map(d -> d.week().toString()).toList())
        .series("heavy (" + s.heavyDays() + " days)", weeks.stream().map(WeekDepth::heavy).toList())
        .series("moderate (" + s.moderateDays() + " days)", weeks.stream().map(WeekDepth::moderate).toList())
        .series("light (" + s.lightDays() + " day)", weeks.stream().map(WeekDepth::light).toList())
        .series("no use", weeks.stream().map(WeekDepth::none).toList())
        .colors(List.of("#0b4f8a", "#2f80c9", "#8fc1ea", "#d5dde6")).build();
    Chart daily = active("line", page.dailyActive(), "Distinct people active per day");
    Chart weekly = active("bar", page.weeklyActive(), "Distinct people active per week");
    var ttfu = page.timeToFirstUse();
    Chart ttfuChart = Charts.histogram(ttfu.histogram(), "Joiners", "Days from start date to first use");
    var div = page.diversity();
    Chart tools = Charts.histogram(div.toolsPerPerson(), "People", "Active people by number of tools used");
    Chart models = Charts.histogram(div.modelsPerPerson(), "People", "Active people by number of models used");
    List<MixRow> toolRows = div.tools().stream().filter(m -> !m.suppressed()).toList();
    Chart toolPeople = Chart.of("hbar", Unit.COUNT, "People using each tool")
        .x(toolRows.stream().map(MixRow::label).toList())
        .series("People", toolRows.stream().map(MixRow::people).toList()).build();
    return Result.view("pages/adoption.jte", "Adoption", "adoption",
        new Model(page, breadth, depth, daily, weekly, ttfuChart, tools, models, toolPeople, Pages.names(ctx)));
  }

  private static Chart active(String kind, List<ActiveCount> counts, String label) {
    return Chart.of(kind, Unit.COUNT, label)
        .x(counts.stream().map(c -> c.start().toString()).toList())
        .series("People", counts.stream().map(c -> c.suppressed() ? null : c.people()).toList())
        .height("s").build();
  }
}
