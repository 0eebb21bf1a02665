package io.tokenmaxx.server.gateway;

import io.helidon.webserver.http.HttpService;
import io.tokenmaxx.component.CheckResult;
import io.tokenmaxx.component.Component;
import io.tokenmaxx.gateway.Gateway;
import io.tokenmaxx.gateway.config.GatewayConfig;
import io.tokenmaxx.pipeline.IngestQueue;
import io.tokenmaxx.pricing.PriceCatalog;
import io.tokenmaxx.server.auth.RequestAuth;
import io.tokenmaxx.server.checkin.Webhook;
import io.tokenmaxx.storage.StorageComponent;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The metering gateway mounted in {@code tokenmaxx serve}: its routes under {@code /anthropic} and
 * {@code /openai} on the server's port, keys from the token store, budgets in the store's ledger,
 * alerts through the signed webhook, records into the ingest queue (and cascade outcomes into their
 * table), plus the gateway API and page. {@link #close} ships what the gateway still holds, so it
 * must close before the ingest queue.
 */
public final class GatewayFeature implements Component {
  private final Gateway gateway;
  private final StoredKeys keys;
  private final BudgetAlerts alerts;
  private final GatewayApi api;
  private final List<io.tokenmaxx.server.web.Page> pages;

  public GatewayFeature(GatewayConfig config, StorageComponent store, IngestQueue queue, PriceCatalog prices,
      RequestAuth auth, Webhook webhook, ZoneId zone, long maxBodyBytes, Clock clock) {
    this.keys = new StoredKeys(store.tokens(), store.directory(), store.keyRouting());
    this.alerts = new BudgetAlerts(webhook);
    PipelineSink sink = new PipelineSink(queue, store.cascades(), store.routingLog());
    this.gateway = Gateway.builder().config(config).keys(keys).ledger(store.budgetLedger()).alerts(alerts)
        .sink(sink).prices(prices).clock(clock).build();
    this.api = new GatewayApi(auth, this::budgets, store.cascades(), store.routingLog(), sink, keys, store.directory(), zone, clock,
        maxBodyBytes);
    this.pages = List.of(new GatewayPage(this::budgets, api, store.directory(), clock, zone),
        new GatewayKeysPage(store.tokens(), new GatewayKeyIssuer(store.tokens(), store::keyRouting), store.directory(),
            this::forgetKeys));
  }

  /** The gateway's dashboard pages: budgets and cascade savings, and the admin page of gateway keys. */
  public List<io.tokenmaxx.server.web.Page> pages() {
    return pages;
  }

  /** The budgets and their consumption now. */
  public List<GatewaySchema.BudgetView> budgets() {
    return gateway.budgetStatus().stream().map(GatewaySchema.BudgetView::of)
        .sorted(java.util.Comparator.comparing(GatewaySchema.BudgetView::scope).thenComparing(GatewaySchema.BudgetView::id))
        .toList();
  }

  public GatewayApi api() {
    return api;
  }

  /** Forget cached keys (a key was revoked). */
  public void forgetKeys() {
    keys.forget();
  }

  /** The gateway's routes and its API. */
  public List<HttpService> services() {
    return List.of(gateway.service(), api);
  }

  public Gateway gateway() {
    return gateway;
  }

  @Override
  public CheckResult check() {
    return gateway.check();
  }

  @Override
  public void close() {
    gateway.close();
    alerts.close();
  }
}
