package io.tokenmaxx.server.web;

import io.tokenmaxx.analyze.Analytics;
import io.tokenmaxx.analyze.AuditLog;
import io.tokenmaxx.server.api.ViewerResolver;
import io.tokenmaxx.server.config.ServerConfig;
import io.tokenmaxx.server.web.auth.LoginThrottle;
import io.tokenmaxx.server.web.auth.Passwords;
import io.tokenmaxx.server.web.auth.SessionViewerResolver;
import io.tokenmaxx.server.web.auth.Sessions;
import io.tokenmaxx.server.web.auth.Viewers;
import io.tokenmaxx.server.web.pages.Pages;
import io.tokenmaxx.storage.StorageComponent;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The dashboard's parts, built once per server: its {@link WebContext} (sessions, viewers, ...),
 * the {@link WebFeature} with every page, and a {@link ViewerResolver} that lets a signed-in browser
 * read the analytics API (the CSV exports the pages link to) with the same scope as the pages.
 */
public final class Dashboard {
  private final WebContext ctx;

  /** @param onTokensChanged drops cached API token authentications (after a revocation here) */
  public Dashboard(StorageComponent store, Analytics analytics, AuditLog audit, ServerConfig config, Clock clock,
      ZoneId zone, Runnable onTokensChanged, Passwords passwords) {
    Sessions sessions = new Sessions(store.sessions(), store.accounts(), store.directory(), config.cookies(), clock);
    this.ctx = new WebContext(analytics, store.directory(), store.accounts(), sessions,
        new Viewers(store.directory(), config.minGroupSize()), passwords, new LoginThrottle(clock),
        store.tokens(), onTokensChanged, audit, new FilterOptions(store.directory(), store.usageStore()), clock, zone,
        new io.tokenmaxx.server.web.pages.SourceCoverage(store.usageStore(), store.directory()));
  }

  public WebContext context() {
    return ctx;
  }

  /** Signed-in browsers as viewers of the analytics API (reads only). */
  public ViewerResolver sessionViewers() {
    return new SessionViewerResolver(ctx.sessions(), ctx.viewers());
  }

  /** The standard pages plus {@code extraPages} (check-ins, flags, ...). */
  public WebFeature feature(List<Page> extraPages) {
    return WebFeature.builder(ctx).pages(Pages.standard(ctx)).pages(extraPages).build();
  }
}
