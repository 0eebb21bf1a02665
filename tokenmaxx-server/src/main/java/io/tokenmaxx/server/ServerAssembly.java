package io.tokenmaxx.server;

import io.helidon.webserver.http.HttpService;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tokenmaxx.component.Component;
import io.tokenmaxx.pipeline.Enricher;
import io.tokenmaxx.pipeline.IngestQueue;
import io.tokenmaxx.pipeline.Pipeline;
import io.tokenmaxx.pricing.PriceCatalog;
import io.tokenmaxx.pricing.PricingEnricher;
import io.tokenmaxx.analyze.AnalyticsService;
import io.tokenmaxx.analyze.CachePrices;
import io.tokenmaxx.analyze.LeaderboardContextProvider;
import io.tokenmaxx.server.admin.DirectoryService;
import io.tokenmaxx.server.api.AnalyticsApi;
import io.tokenmaxx.server.api.OpenApiService;
import io.tokenmaxx.server.api.PseudonymKey;
import io.tokenmaxx.server.api.TokenViewerResolver;
import io.tokenmaxx.server.api.ViewerResolver;
import io.tokenmaxx.server.admin.TokenService;
import io.tokenmaxx.server.auth.AdminBootstrap;
import io.tokenmaxx.server.auth.RequestAuth;
import io.tokenmaxx.server.auth.TokenAuthenticator;
import io.tokenmaxx.server.checkin.CheckinFeature;
import io.tokenmaxx.server.config.ServerConfig;
import io.tokenmaxx.server.ingest.Acknowledger;
import io.tokenmaxx.server.ingest.IdentityEnricher;
import io.tokenmaxx.server.ingest.IngestService;
import io.tokenmaxx.server.ops.HealthService;
import io.tokenmaxx.server.query.RecordsService;
import io.tokenmaxx.server.otlp.IdentityLearner;
import io.tokenmaxx.server.otlp.OtlpService;
import io.tokenmaxx.server.otlp.StoredSeriesState;
import io.tokenmaxx.server.otlp.StoredSessionIndex;
import io.tokenmaxx.collect.otlp.OtlpDecoder;
import io.tokenmaxx.server.ops.MetricsService;
import io.tokenmaxx.server.ops.PrometheusIngestMetrics;
import io.tokenmaxx.server.plan.CapacityPage;
import io.tokenmaxx.server.plan.PlanApi;
import io.tokenmaxx.server.plan.PlanService;
import io.tokenmaxx.server.web.Dashboard;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.auth.Passwords;
import io.tokenmaxx.storage.StorageComponent;
import io.tokenmaxx.storage.duckdb.DuckDbStorage;
import io.tokenmaxx.storage.postgres.PostgresStorage;
import io.tokenmaxx.wire.RecordJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds a {@link TokenmaxxServer} from a {@link ServerConfig}: the store, the ingest pipeline and
 * queue, authentication, and every HTTP service. The only place that knows how the parts fit.
 */
public final class ServerAssembly {
  private final ServerConfig config;
  private final Clock clock;
  private StorageComponent storage;
  private final List<Enricher> extraEnrichers = new ArrayList<>();
  private Path adminTokenWritten;
  private Passwords passwords = new Passwords();
  private final List<Page> extraPages = new ArrayList<>();
  private final List<ViewerResolver> viewerResolvers = new ArrayList<>();
  private final List<LeaderboardContextProvider> contextProviders = new ArrayList<>();
  private CachePrices cachePrices;
  private AnalyticsService analytics;
  private ViewerResolver viewers;
  private CheckinFeature checkins;
  private io.tokenmaxx.server.importer.ImportFeature imports;
  private io.tokenmaxx.gateway.config.GatewayConfig gatewayConfig;
  private io.tokenmaxx.server.gateway.GatewayFeature gateway;

  public ServerAssembly(ServerConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** Uses this store instead of the one the config names (tests, demo). */
  public ServerAssembly storage(StorageComponent s) {
    this.storage = s;
    return this;
  }

  /** Adds an enrich step after identity resolution (e.g. pricing). */
  public ServerAssembly enricher(Enricher e) {
    extraEnrichers.add(e);
    return this;
  }

  /**
   * Puts a way of knowing the viewer in front of API tokens (e.g. dashboard sessions); the first
   * resolver that recognises a request wins.
   */
  public ServerAssembly viewerResolver(ViewerResolver r) {
    viewerResolvers.add(r);
    return this;
  }

  /** Adds leaderboard context columns (check-in streaks, flags, ...). */
  public ServerAssembly leaderboardContext(LeaderboardContextProvider p) {
    contextProviders.add(p);
    return this;
  }

  /** Input and cache-read prices for the spend page's cache savings (default: the price catalog). */
  public ServerAssembly cachePrices(CachePrices p) {
    cachePrices = p;
    return this;
  }

  /** The analytics pages (after {@link #build()}): what the dashboard renders. */
  public AnalyticsService analytics() {
    if (analytics == null) throw new IllegalStateException("build() first");
    return analytics;
  }

  /** Resolves the viewer of a request (after {@link #build()}): the resolvers added, then API tokens. */
  public ViewerResolver viewers() {
    if (viewers == null) throw new IllegalStateException("build() first");
    return viewers;
  }

  /** Check-ins and the Goodhart guard (after {@link #build()}). */
  public CheckinFeature checkins() {
    if (checkins == null) throw new IllegalStateException("build() first");
    return checkins;
  }

  /** Vendor usage imports (after {@link #build()}). */
  public io.tokenmaxx.server.importer.ImportFeature imports() {
    if (imports == null) throw new IllegalStateException("build() first");
    return imports;
  }

  /** Mounts the metering gateway with these settings ({@code /anthropic}, {@code /openai}). */
  public ServerAssembly gateway(io.tokenmaxx.gateway.config.GatewayConfig c) {
    gatewayConfig = c;
    return this;
  }

  /** The mounted gateway (after {@link #build()}), null when none was configured. */
  public io.tokenmaxx.server.gateway.GatewayFeature gateway() {
    return gateway;
  }

  /** The store the built server uses (after {@link #build()}). */
  public StorageComponent store() {
    if (storage == null) throw new IllegalStateException("not built yet");
    return storage;
  }

  /** Password hashing for dashboard accounts (tests use a cheaper Argon2 cost). */
  public ServerAssembly passwords(Passwords p) {
    this.passwords = p;
    return this;
  }

  /** Adds a dashboard page (one class + one template; see {@link Page}). */
  public ServerAssembly page(Page p) {
    extraPages.add(p);
    return this;
  }

  /** Where the first start wrote the admin token, or null when one existed already. */
  public Path adminTokenWritten() {
    return adminTokenWritten;
  }

  public static StorageComponent storageFor(ServerConfig config) {
    if (config.storageUrl() != null) {
      return PostgresStorage.builder().url(config.storageUrl()).build();
    }
    try {
      Files.createDirectories(config.dataDir());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create data directory " + config.dataDir(), e);
    }
    return DuckDbStorage.builder().path(config.databaseFile()).checkpointThreshold(config.checkpointThreshold()).build();
  }

  /** The bundled prices with the configured override file (setting prices.file) applied. */
  public static PriceCatalog priceCatalog(ServerConfig config) {
    PriceCatalog c = PriceCatalog.bundled();
    if (config.priceOverrides() == null) return c;
    try {
      return c.withOverrides(config.priceOverrides());
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new io.tokenmaxx.server.config.ConfigException("prices.file", e.getMessage());
    }
  }

  private static String version() {
    String v = ServerAssembly.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  public TokenmaxxServer build() {
    StorageComponent store = storage != null ? storage : storageFor(config);
    storage = store;
    var check = store.check();
    if (!check.ok()) {
      store.close();
      throw new IllegalStateException("storage is not usable: " + check.message(), check.error());
    }
    adminTokenWritten = AdminBootstrap.ensureAdminToken(store.tokens(), config.adminTokenFile());

    PrometheusRegistry registry = new PrometheusRegistry();
    PrometheusIngestMetrics metrics = new PrometheusIngestMetrics(registry);
    IdentityEnricher identities = new IdentityEnricher(store.directory());
    PriceCatalog catalog = priceCatalog(config);
    // Pricing needs nothing but the catalog: request threads do it before queueing. Attribution
    // stays on the writer, where it cannot interleave with re-attribution of stored records.
    Pipeline pricing = new Pipeline(List.of(new PricingEnricher(catalog)), store);
    List<Enricher> enrichers = new ArrayList<>();
    enrichers.add(identities);
    enrichers.addAll(extraEnrichers);
    Consumer<io.tokenmaxx.pipeline.RecordBatch> pipeline = new Pipeline(enrichers, store);
    IngestQueue queue = new IngestQueue(pipeline, config.queueCapacity(), config.batchSize(),
        config.flushInterval(), metrics);

    TokenAuthenticator authenticator = new TokenAuthenticator(store.tokens());
    RequestAuth auth = new RequestAuth(authenticator, config.otlpAuthHeader());
    Acknowledger ack = new Acknowledger(queue, pricing::enrich);

    StoredSeriesState series = StoredSeriesState.load(store.state(), clock);
    StoredSessionIndex sessions = StoredSessionIndex.load(store.state(), clock);
    OtlpDecoder decoder = OtlpDecoder.builder().clock(clock).seriesState(series)
        .sessionIndex(sessions).timedIdsSince(io.tokenmaxx.server.otlp.TimedIds.since(store.state(), clock))
        .maxBodyBytes(config.maxBodyBytes()).build();

    checkins = new CheckinFeature(store, config.checkins(), config.analytics().zone(), clock, config.minGroupSize());
    imports = new io.tokenmaxx.server.importer.ImportFeature(store, config.importers(), config.dataDir(), queue, pricing::enrich,
        identities, new IdentityLearner(store.directory(), identities), clock);
    List<Component> components = new ArrayList<>(List.of(store, queue, decoder, checkins, imports));
    if (gatewayConfig != null) {
      gateway = new io.tokenmaxx.server.gateway.GatewayFeature(gatewayConfig, store, queue, catalog, auth,
          config.checkins().webhook() ? new io.tokenmaxx.server.checkin.Webhook(config.checkins().webhookUrl(),
              config.checkins().webhookSecret(), clock) : null, config.analytics().zone(), config.maxBodyBytes(), clock);
      authenticator.onForget(gateway::forgetKeys);
      components.add(gateway); // closed before the queue: what it holds is shipped into it
    }
    List<HttpService> services = new ArrayList<>();
    services.add(new HealthService(components, java.util.Map.of("importers", imports::health)));
    services.add(new MetricsService(registry));
    services.add(new IngestService(auth, new RecordJson(clock), ack, metrics, config.maxBodyBytes()));
    services.add(new OtlpService(auth, decoder, ack, store.retractions(), series, sessions,
        new IdentityLearner(store.directory(), identities), metrics, config.maxBodyBytes(), clock));
    services.add(new RecordsService(auth, store.usageStore(), store.directory(), store.auditLog(), clock));
    services.add(new TokenService(auth, store.tokens(), store.directory(), authenticator,
        new io.tokenmaxx.server.gateway.GatewayKeyIssuer(store.tokens(), store::keyRouting)));
    services.add(new DirectoryService(auth, store.directory(), identities));
    if (gateway != null) services.addAll(gateway.services());

    AnalyticsService.Builder ab = AnalyticsService.builder().store(store.analytics()).directory(store.directory())
        .settings(config.analytics().withMinGroupSize(config.minGroupSize()))
        .pseudonyms(PseudonymKey.loadOrCreate(config.dataDir().resolve("pseudonym-key")))
        .audit(store.auditLog()).prices(cachePrices != null ? cachePrices : CachePrices.of(catalog))
        .clock(clock);
    contextProviders.forEach(ab::contextProvider);
    ab.contextProvider(checkins.leaderboardContext());
    checkins.leaderboardAdjustments().forEach(ab::adjustment);
    ab.defaultAdjustments(checkins.leaderboardRule()::adjustments);
    analytics = ab.build();
    checkins.digests().snapshotFrom(analytics, config.minGroupSize());
    Dashboard dashboard = new Dashboard(store, analytics, store.auditLog(), config, clock,
        config.analytics().zone(), authenticator::forget, passwords);
    List<ViewerResolver> resolvers = new ArrayList<>(viewerResolvers);
    resolvers.add(dashboard.sessionViewers());
    resolvers.add(new TokenViewerResolver(auth, store.directory(), config.minGroupSize()));
    viewers = ViewerResolver.firstOf(resolvers);
    AnalyticsApi api = new AnalyticsApi(analytics, viewers, store.auditLog(), clock);
    services.add(api);
    PlanService plans = PlanService.of(store, config.dataDir(), clock);
    services.add(new PlanApi(auth, plans, config.minGroupSize()));
    List<io.tokenmaxx.server.api.ApiOperation> documented = new ArrayList<>(PlanApi.operations());
    documented.addAll(IngestService.operations());
    documented.addAll(OtlpService.operations());
    documented.addAll(RecordsService.operations());
    documented.addAll(TokenService.operations());
    documented.addAll(DirectoryService.operations());
    if (gateway != null) documented.addAll(io.tokenmaxx.server.gateway.GatewayApi.operations());
    documented.addAll(io.tokenmaxx.server.checkin.CheckinApi.operations());
    documented.addAll(io.tokenmaxx.server.guard.GuardApi.operations());
    documented.addAll(io.tokenmaxx.server.importer.ImportFeature.operations());
    services.add(new OpenApiService(api, documented, version()));
    services.addAll(checkins.services(auth, viewers));
    services.addAll(imports.services(auth));
    checkins.start();
    imports.start();
    List<Page> pages = new ArrayList<>(extraPages);
    pages.add(new CapacityPage(plans));
    pages.add(new io.tokenmaxx.server.web.onboard.ConnectPage(store.tokens(), store.directory(), config.otlpAuthHeader()));
    pages.add(new io.tokenmaxx.server.web.onboard.DirectoryImportPage(store.directory(), identities));
    pages.addAll(checkins.pages());
    pages.addAll(imports.pages());
    if (gateway != null) pages.addAll(gateway.pages());
    return new TokenmaxxServer(config, services, List.of(dashboard.feature(pages)), components);
  }
}
