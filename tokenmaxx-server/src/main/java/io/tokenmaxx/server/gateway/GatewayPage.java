package io.tokenmaxx.server.gateway;

import io.tokenmaxx.analyze.AnalyticsFilter;
import io.tokenmaxx.analyze.Viewer;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.NavItem;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.WebRequest;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /gateway}: the metering gateway's budgets with their consumption in the current window,
 * what the cheap-first cascade saved per model class in the selected dates, and how the latest
 * requests were routed (every target tried, why the gateway moved on, what each try cost). The budgets also
 * appear on the Spend page, which loads {@code /gateway/budgets-card} into itself. An admin sees
 * every budget, anyone else those of their own person and team.
 */
public final class GatewayPage implements Page {

  /** Routing decisions shown on the page: the latest of the selected dates. */
  static final int RECENT = 20;

  /**
   * The page's model: budgets visible to the viewer, the savings table of the selected dates, and
   * the latest routing decisions the viewer may see (an admin every request, anyone else their own).
   */
  public record Model(List<GatewaySchema.BudgetView> budgets, GatewaySchema.SavingsTable savings,
      List<io.tokenmaxx.metering.RoutingDecision> requests) {}

  private final Supplier<List<GatewaySchema.BudgetView>> budgets;
  private final GatewayApi api;
  private final Directory directory;
  private final Clock clock;
  private final ZoneId zone;

  public GatewayPage(Supplier<List<GatewaySchema.BudgetView>> budgets, GatewayApi api, Directory directory, Clock clock,
      ZoneId zone) {
    this.budgets = budgets;
    this.api = api;
    this.directory = directory;
    this.clock = clock;
    this.zone = zone;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(NavItem.page("gateway", "Gateway", "/gateway", 55));
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/gateway", Access.SIGNED_IN, this::show);
    r.get("/gateway/budgets-card", Access.SIGNED_IN, w -> Result.view("gateway/budgets-card.jte", "Budgets", "spend",
        new Model(visible(w.viewer()), null, List.of())));
  }

  private Result show(WebRequest w) {
    AnalyticsFilter f = w.filter().resolve(clock, zone);
    return Result.view("gateway/gateway.jte", "Gateway", "gateway",
        new Model(visible(w.viewer()), api.table(f.from(), f.to()), requests(w.viewer(), f))).withDatesOnly();
  }

  private List<io.tokenmaxx.metering.RoutingDecision> requests(Viewer v, AnalyticsFilter f) {
    if (v.isAdmin()) return api.recent(f.from(), f.to(), null, null, RECENT);
    if (v.personId() == null) return List.of();
    return api.recent(f.from(), f.to(), v.personId(), null, RECENT);
  }

  List<GatewaySchema.BudgetView> visible(Viewer v) {
    List<GatewaySchema.BudgetView> all = budgets.get();
    if (v.isAdmin()) return all;
    String team = v.personId() == null ? null : directory.person(v.personId()).map(Person::team).orElse(null);
    List<GatewaySchema.BudgetView> out = new ArrayList<>();
    for (GatewaySchema.BudgetView b : all) {
      if (v.personId() != null && b.scope().equals("person:" + v.personId())) out.add(b);
      else if (team != null && b.scope().equals("team:" + team)) out.add(b);
    }
    return out;
  }
}
