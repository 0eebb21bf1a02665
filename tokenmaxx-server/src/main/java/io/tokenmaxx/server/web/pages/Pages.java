package io.tokenmaxx.server.web.pages;

import io.tokenmaxx.server.web.FilterOptions;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.WebContext;
import io.tokenmaxx.server.web.admin.AccountsPage;
import io.tokenmaxx.server.web.admin.ApiTokensPage;
import io.tokenmaxx.server.web.admin.AuditPage;
import io.tokenmaxx.server.web.auth.AccountPage;
import io.tokenmaxx.server.web.auth.LoginPage;
import java.util.List;

/** The standard dashboard pages, in navigation order. */
public final class Pages {
  private Pages() {}

  public static List<Page> standard(WebContext ctx) {
    return List.of(
        new LoginPage(ctx),
        new AccountPage(ctx),
        new OverviewPage(ctx),
        new AdoptionPage(ctx),
        new LeaderboardPage(ctx),
        new UsagePage(ctx),
        new SpendPage(ctx),
        new PersonPage(ctx),
        new TeamPage(ctx),
        new io.tokenmaxx.server.web.admin.UnattributedPage(ctx),
        new AccountsPage(ctx),
        new ApiTokensPage(ctx),
        new AuditPage(ctx));
  }

  static Names names(WebContext ctx) {
    FilterOptions.Lists l = ctx.options().lists();
    return new Names(l.teamNames(), l.departmentNames(), l.teamDepartments());
  }
}
