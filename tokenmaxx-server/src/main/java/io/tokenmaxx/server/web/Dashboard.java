package io.tokenmaxx.server.web;

import io.tokenmaxx.analyze.Analytics;
import io.tokenmaxx.analyze.AuditLog;
import io.tokenmaxx.server.config.ServerConfig;
import io.tokenmaxx.server.web.auth.LoginThrottle;
import io.tokenmaxx.server.web.auth.Passwords;
import io.tokenmaxx.server.web.auth.Sessions;
import io.tokenmaxx.server.web.auth.Viewers;
import io.tokenmaxx.server.web.pages.Pages;
import io.tokenmaxx.storage.StorageComponent;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/** Builds the dashboard's {@link WebFeature} from the server's parts. */
public final class Dashboard {
  private Dashboard() {}

  /**
   * @param extraPages pages added by other features (check-ins, flags, ...)
   */
  public static WebFeature feature(StorageComponent store, Analytics analytics, AuditLog audit,
      ServerConfig config, Clock clock, ZoneId zone, Runnable onTokensChanged, Passwords passwords,
      List<Page> extraPages) {
    Sessions sessions = new Sessions(store.sessions(), store.accounts(), store.directory(), config.cookies(), clock);
    WebContext ctx = new WebContext(analytics, store.directory(), store.accounts(), sessions,
        new Viewers(store.directory(), config.minGroupSize()), passwords, new LoginThrottle(clock),
        store.tokens(), onTokensChanged, audit, new FilterOptions(store.directory(), store.usageStore()), clock, zone);
    return WebFeature.builder(ctx).pages(Pages.standard(ctx)).pages(extraPages).build();
  }
}
