package io.tokenmaxx.server.web.pages;

import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.Chart;
import io.tokenmaxx.server.web.Exports;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.WebContext;
import io.tokenmaxx.server.web.WebRequest;

/**
 * {@code /teams/{id}}: a team's usage over time, mixes, outcomes, spend against the members' loaded
 * cost and the median of its department's teams. Aggregates follow the minimum group size (a team
 * smaller than k shows a "suppressed" state to non-admins); member rows and sessions only for
 * members the viewer may see.
 */
public final class TeamPage implements Page {

  public record Model(io.tokenmaxx.analyze.page.TeamPage page, Chart tokens, Chart tools, Chart models,
      Names names, String membersCsv, java.util.Map<String, String> memberNames) {}

  private final WebContext ctx;

  public TeamPage(WebContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/teams/{id}", Access.SIGNED_IN, this::show);
  }

  private Result show(WebRequest w) {
    var page = ctx.analytics().team(w.viewer(), w.pathParam("id"), w.filter());
    Chart tokens = Charts.timeline(page.period(), page.daily(), false, "Team tokens per day by tool");
    Chart tools = Charts.mix(page.tools(), false, "Team tokens by tool");
    Chart models = Charts.mix(page.models(), false, "Team tokens by model");
    String csv = Exports.csv("teams/" + Exports.seg(page.id()), "members", w.filters().query());
    return Result.view("pages/team.jte", page.name() == null ? page.id() : page.name(), null,
        new Model(page, tokens, tools, models, Pages.names(ctx), csv, memberNames(page)));
  }

  private static java.util.Map<String, String> memberNames(io.tokenmaxx.analyze.page.TeamPage page) {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    for (var m : page.members()) out.put(m.person().id(), m.person().name() == null ? m.person().id() : m.person().name());
    return out;
  }
}
