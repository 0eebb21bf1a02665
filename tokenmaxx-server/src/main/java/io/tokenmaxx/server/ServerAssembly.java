package io.tokenmaxx.server;

import io.helidon.webserver.http.HttpService;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tokenmaxx.component.Component;
import io.tokenmaxx.pipeline.Enricher;
import io.tokenmaxx.pipeline.IngestQueue;
import io.tokenmaxx.pipeline.Pipeline;
import io.tokenmaxx.server.admin.DirectoryService;
import io.tokenmaxx.server.admin.TokenService;
import io.tokenmaxx.server.auth.AdminBootstrap;
import io.tokenmaxx.server.auth.RequestAuth;
import io.tokenmaxx.server.auth.TokenAuthenticator;
import io.tokenmaxx.server.config.ServerConfig;
import io.tokenmaxx.server.ingest.Acknowledger;
import io.tokenmaxx.server.ingest.IdentityEnricher;
import io.tokenmaxx.server.ingest.IngestService;
import io.tokenmaxx.server.ops.HealthService;
import io.tokenmaxx.server.otlp.IdentityLearner;
import io.tokenmaxx.server.otlp.OtlpService;
import io.tokenmaxx.server.otlp.StoredSeriesState;
import io.tokenmaxx.server.otlp.StoredSessionIndex;
import io.tokenmaxx.collect.otlp.OtlpDecoder;
import io.tokenmaxx.server.ops.MetricsService;
import io.tokenmaxx.server.ops.PrometheusIngestMetrics;
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

  /** The store the built server uses (after {@link #build()}). */
  public StorageComponent store() {
    if (storage == null) throw new IllegalStateException("not built yet");
    return storage;
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
    return DuckDbStorage.builder().path(config.databaseFile()).build();
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
    List<Enricher> enrichers = new ArrayList<>();
    enrichers.add(identities);
    enrichers.addAll(extraEnrichers);
    Consumer<io.tokenmaxx.pipeline.RecordBatch> pipeline = new Pipeline(enrichers, store);
    IngestQueue queue = new IngestQueue(pipeline, config.queueCapacity(), config.batchSize(),
        config.flushInterval(), metrics);

    TokenAuthenticator authenticator = new TokenAuthenticator(store.tokens());
    RequestAuth auth = new RequestAuth(authenticator, config.otlpAuthHeader());
    Acknowledger ack = new Acknowledger(queue);

    StoredSeriesState series = StoredSeriesState.load(store.state(), clock);
    OtlpDecoder decoder = OtlpDecoder.builder().clock(clock).seriesState(series)
        .sessionIndex(StoredSessionIndex.load(store.state(), clock))
        .maxBodyBytes(config.maxBodyBytes()).build();

    List<Component> components = List.of(store, queue, decoder);
    List<HttpService> services = new ArrayList<>();
    services.add(new HealthService(components));
    services.add(new MetricsService(registry));
    services.add(new IngestService(auth, new RecordJson(clock), ack, metrics, config.maxBodyBytes()));
    services.add(new OtlpService(auth, decoder, ack, store.retractions(), series,
        new IdentityLearner(store.directory(), identities), metrics, config.maxBodyBytes(), clock));
    services.add(new TokenService(auth, store.tokens(), store.directory(), authenticator));
    services.add(new DirectoryService(auth, store.directory(), identities));
    return new TokenmaxxServer(config, services, components);
  }
}
