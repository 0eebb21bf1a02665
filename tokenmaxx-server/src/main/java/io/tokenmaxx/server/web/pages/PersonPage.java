package io.tokenmaxx.server.web.pages;

import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.Chart;
import io.tokenmaxx.server.web.Exports;
import io.tokenmaxx.server.web.NavItem;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.WebContext;
import io.tokenmaxx.server.web.WebRequest;
import java.util.List;

/**
 * {@code /people/{id}}: one person's usage over time, tools and models, sessions, outcomes, spend
 * against their loaded cost, and the medians of their team and role. Only for people the viewer may
 * see (admins: everyone; managers: their subtree; members: themselves); anyone else is a 404, as if
 * there were no such person. {@code /me} is the viewer's own page. The analytics layer records each
 * view in the audit log.
 */
public final class PersonPage implements Page {

  public record Model(io.tokenmaxx.analyze.page.PersonPage page, Chart tokens, Chart spend, Chart tools,
      Chart models, Names names, boolean self, String sessionsCsv, SourceCoverage.Card sources) {}

  private final WebContext ctx;

  public PersonPage(WebContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(NavItem.page("me", "My usage", "/me", 60));
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/me", Access.SIGNED_IN, w -> {
      if (w.user().personId() == null) {
        return Result.view("error.jte", "My usage", "me",
            "Your account is not linked to a person of the directory, so there is no usage of yours to show.")
            .withoutFilterBar();
      }
      return Result.redirect(w.filters().query().on("/people/" + Exports.seg(w.user().personId())));
    });
    r.get("/people/{id}", Access.SIGNED_IN, this::show);
  }

  private Result show(WebRequest w) {
    String id = w.pathParam("id");
    var page = ctx.analytics().person(w.viewer(), id, w.filter());
    Chart tokens = Charts.timeline(page.period(), page.daily(), false, "Tokens per day by tool");
    Chart spend = Charts.timeline(page.period(), page.daily(), true, "Spend per day by tool");
    Chart tools = Charts.mix(page.tools(), false, "Tokens by tool");
    Chart models = Charts.mix(page.models(), false, "Tokens by model");
    String name = page.person().name() == null ? page.person().id() : page.person().name();
    boolean self = w.viewer().isSelf(page.person().id());
    String csv = Exports.csv("people/" + Exports.seg(page.person().id()), "sessions", w.filters().query());
    return Result.view("pages/person.jte", name, self ? "me" : null,
        new Model(page, tokens, spend, tools, models, Pages.names(ctx), self, csv,
            ctx.sources().person(page.person().id(), w.filter())));
  }
}
