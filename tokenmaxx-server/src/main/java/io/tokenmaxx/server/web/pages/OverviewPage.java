package io.tokenmaxx.server.web.pages;

import io.tokenmaxx.analyze.page.GroupAdoption;
import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.Chart;
import io.tokenmaxx.server.web.NavItem;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.WebContext;
import io.tokenmaxx.server.web.WebRequest;
import java.util.List;

/** {@code /overview}: headcount and adoption, usage and spend against the previous period, new adopters. */
public final class OverviewPage implements Page {

  /**
   * @param page the analytics; @param byDepartment adoption rate per department (chart)
   * @param sources which sources the numbers came from
   */
  public record Model(io.tokenmaxx.analyze.page.OverviewPage page, Chart byDepartment, Names names,
      SourceCoverage.Card sources) {}

  private final WebContext ctx;

  public OverviewPage(WebContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(NavItem.page("overview", "Overview", "/overview", 10));
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/overview", Access.SIGNED_IN, this::show);
  }

  private Result show(WebRequest w) {
    var page = ctx.analytics().overview(w.viewer(), w.filter());
    List<GroupAdoption> rows = page.adoptionByDepartment().stream().filter(g -> !g.suppressed() && g.rate() != null).toList();
    Chart chart = Chart.of("hbar", Chart.Unit.PERCENT, "Share of each department active in the last 28 days")
        .x(rows.stream().map(GroupAdoption::name).toList())
        .series("Active in 28 days", rows.stream().map(GroupAdoption::rate).toList())
        .max(1).build();
    return Result.view("pages/overview.jte", "Overview", "overview", new Model(page, chart, Pages.names(ctx),
        ctx.sources().overview(w.viewer(), w.filter())));
  }
}
