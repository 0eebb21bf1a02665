package io.tokenmaxx.gateway;

import io.tokenmaxx.metering.BudgetLedger;
import io.helidon.webclient.api.WebClient;
import io.helidon.webserver.http.HttpService;
import io.tokenmaxx.component.CheckResult;
import io.tokenmaxx.component.Component;
import io.tokenmaxx.gateway.budget.AlertSink;
import io.tokenmaxx.gateway.budget.Budgets;
import io.tokenmaxx.gateway.budget.InMemoryBudgetLedger;
import io.tokenmaxx.gateway.config.GatewayConfig;
import io.tokenmaxx.gateway.keys.KeyStore;
import io.tokenmaxx.gateway.record.RecordShipper;
import io.tokenmaxx.gateway.record.RecordSink;
import io.tokenmaxx.gateway.route.MovingAverageStats;
import io.tokenmaxx.gateway.route.RoutingStats;
import io.tokenmaxx.pricing.PriceCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The metering gateway: Anthropic- and OpenAI-compatible routes ({@link #service()}, mounted
 * under {@code /anthropic} and {@code /openai} in any Helidon routing, or served alone by
 * {@link GatewayServer}) that authenticate gateway keys, enforce budgets and rate limits, route
 * each request across upstreams, pass the answer through (streams event by event) and hand a
 * {@link io.tokenmaxx.gateway.record.GatewayRecord} per request to the record sink, off the
 * request path.
 *
 * <pre>{@code
 * Gateway gw = Gateway.builder().config(config).keys(keys).sink(batch -> pipeline.accept(...)).build();
 * routing.register(gw.service());
 * }</pre>
 */
public final class Gateway implements Component {
  final GatewayConfig config;
  final KeyStore keys;
  final Budgets budgets;
  final RoutingStats stats;
  final RecordShipper shipper;
  final Pricing pricing;
  final Clock clock;
  final WebClient client;
  final RandomGenerator random;
  private final GatewayService service;

  private Gateway(Builder b) {
    this.config = Objects.requireNonNull(b.config, "config");
    this.keys = Objects.requireNonNull(b.keys, "keys");
    this.clock = b.clock;
    this.budgets = new Budgets(config.budgets(), config.rateLimits(), b.ledger, b.alerts, clock, config.zone(),
        config.weekStart());
    this.stats = b.stats;
    GatewayConfig.Records r = config.records();
    this.shipper = new RecordShipper(Objects.requireNonNull(b.sink, "sink"), r.capacity(), r.batchSize(),
        r.flushInterval(), r.spillDir(), Duration.ofSeconds(10));
    this.pricing = new Pricing(b.prices);
    this.random = b.random;
    this.client = WebClient.builder()
        .connectTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        .followRedirects(false)
        .sendExpectContinue(false)
        .maxInMemoryEntity(64 * 1024)
        .connectionCacheSize(1024)
        .socketOptions(o -> o.tcpNoDelay(true))
        .build();
    this.service = new GatewayService(this);
    shipper.start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The routes: {@code /anthropic/v1/...} and {@code /openai/v1/...}. */
  public HttpService service() {
    return service;
  }

  /** Budget consumption now (for the API and the Spend page). */
  public java.util.List<Budgets.Status> budgetStatus() {
    return budgets.status();
  }

  public GatewayConfig config() {
    return config;
  }

  @Override
  public CheckResult check() {
    CheckResult r = shipper.check();
    return r.ok() ? CheckResult.ok("gateway") : CheckResult.failed("gateway", r.error());
  }

  /** Stops shipping records: what is queued goes to the sink (or the spill file). */
  @Override
  public void close() {
    shipper.close();
    try {
      client.closeResource();
    } catch (RuntimeException ignored) {
      // nothing to release
    }
  }

  public static final class Builder {
    private GatewayConfig config;
    private KeyStore keys;
    private BudgetLedger ledger = new InMemoryBudgetLedger();
    private AlertSink alerts = AlertSink.NONE;
    private RoutingStats stats = new MovingAverageStats(0.2);
    private RecordSink sink;
    private PriceCatalog prices = PriceCatalog.bundled();
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = RandomGenerator.getDefault();

    public Builder config(GatewayConfig c) { config = c; return this; }
    public Builder keys(KeyStore k) { keys = k; return this; }
    public Builder ledger(BudgetLedger l) { ledger = l; return this; }
    public Builder alerts(AlertSink a) { alerts = a; return this; }
    public Builder routingStats(RoutingStats s) { stats = s; return this; }
    public Builder sink(RecordSink s) { sink = s; return this; }
    public Builder prices(PriceCatalog p) { prices = p; return this; }
    public Builder clock(Clock c) { clock = c; return this; }
    public Builder random(RandomGenerator r) { random = r; return this; }

    public Gateway build() {
      return new Gateway(this);
    }
  }
}
