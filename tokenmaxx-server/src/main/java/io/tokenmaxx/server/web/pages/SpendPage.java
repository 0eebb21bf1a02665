package io.tokenmaxx.server.web.pages;

import io.tokenmaxx.analyze.page.SpendPage.DailySpend;
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
 * {@code /spend}: what usage cost (at the price in force when it happened), by model, provider,
 * tool and team; what the prompt cache saved; spend against loaded cost; the month's forecast.
 */
public final class SpendPage implements Page {

  public record Model(io.tokenmaxx.analyze.page.SpendPage page, Chart daily, Chart byModel, Chart byTool,
      Chart byTeam, Chart loadedCost, Names names) {}

  private final WebContext ctx;

  public SpendPage(WebContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(NavItem.page("spend", "Spend", "/spend", 50));
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/spend", Access.SIGNED_IN, this::show);
  }

  private Result show(WebRequest w) {
    var page = ctx.analytics().spend(w.viewer(), w.filter());
    List<String> x = Charts.axis(page.period(), page.daily().stream().map(DailySpend::date).toList());
    java.util.Map<String, Double> byDay = new java.util.HashMap<>();
    for (DailySpend d : page.daily()) byDay.put(d.date().toString(), Charts.dbl(d.cost()));
    Chart daily = Chart.of("bar", Unit.MONEY, "Spend " + Charts.step(page.period(), x)).x(x)
        .series("Spend", x.stream().map(d -> byDay.getOrDefault(d, 0.0)).toList()).build();
    Chart byModel = Charts.mix(page.byModel(), true, "Spend by model");
    Chart byTool = Charts.mix(page.byTool(), true, "Spend by tool");
    Chart byTeam = Charts.mix(page.byTeam(), true, "Spend by team");
    var people = page.loadedCost().people();
    Chart loaded = people == null || people.suppressed() || people.histogram() == null ? null
        : Charts.histogram(people.histogram(), "People", "People by AI spend as a share of their loaded cost");
    return Result.view("pages/spend.jte", "Spend", "spend",
        new Model(page, daily, byModel, byTool, byTeam, loaded, Pages.names(ctx)));
  }
}
