package io.tokenmaxx.server.importer;

import io.helidon.webserver.http.HttpService;
import io.tokenmaxx.collect.vendor.ImportScheduler;
import io.tokenmaxx.collect.vendor.ImporterConfig;
import io.tokenmaxx.collect.vendor.SourceStatus;
import io.tokenmaxx.collect.vendor.VendorImporters;
import io.tokenmaxx.component.CheckResult;
import io.tokenmaxx.component.Component;
import io.tokenmaxx.importer.PrecedenceReconciler;
import io.tokenmaxx.importer.SourcePrecedence;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.pipeline.Enricher;
import io.tokenmaxx.pipeline.IngestQueue;
import io.tokenmaxx.pipeline.Pipeline;
import io.tokenmaxx.pipeline.RecordBatch;
import io.tokenmaxx.server.auth.RequestAuth;
import io.tokenmaxx.server.config.ImporterSettings;
import io.tokenmaxx.server.otlp.IdentityLearner;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.storage.StorageComponent;
import io.tokenmaxx.collect.vendor.CsvImport;
import io.tokenmaxx.collect.vendor.Secret;
import io.tokenmaxx.collect.vendor.Vendor;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Vendor usage imports in the server: the configured sources ({@code importers.*}) pulled on
 * their schedule into the store, with cursors kept in the store, the admin API and the Sources
 * page. A failing source is shown as failing — on the page, in its status and in {@code /health}'s
 * {@code importers} section — and stops nothing else: {@code /health} stays up for it.
 */
public final class ImportFeature implements Component {
  private static final System.Logger LOG = System.getLogger(ImportFeature.class.getName());
  private final StorageComponent store;
  private final StoreImportSink sink;
  private final List<ImporterConfig> fromSettings;
  private final SavedSources saved;
  private final PrecedenceReconciler reconciler;
  private final Clock clock;
  private final Duration tick;
  private final HttpClient client = VendorImporters.httpClient();
  private volatile ImportScheduler scheduler;
  private boolean started;

  /**
   * @param pricing    prices a batch before it is queued (as ingest does)
   * @param identities attributes records with the current directory
   * @param learner    learns aliases from the vendors' identity links
   */
  public ImportFeature(StorageComponent store, ImporterSettings settings, java.nio.file.Path dataDir, IngestQueue queue,
      UnaryOperator<RecordBatch> pricing, Enricher identities, IdentityLearner learner, Clock clock) {
    this(store, settings, dataDir, queue, pricing, identities, learner, clock, Duration.ofSeconds(30));
  }

  ImportFeature(StorageComponent store, ImporterSettings settings, java.nio.file.Path dataDir, IngestQueue queue,
      UnaryOperator<RecordBatch> pricing, Enricher identities, IdentityLearner learner, Clock clock, Duration tick) {
    this.store = store;
    this.clock = clock;
    this.tick = tick;
    this.fromSettings = settings.sources();
    this.saved = new SavedSources(store.state(), dataDir);
    Pipeline attribution = new Pipeline(List.of(identities), store);
    StoreImportSink[] self = new StoreImportSink[1];
    this.reconciler = new PrecedenceReconciler(SourcePrecedence.defaults(), store.importAggregates(),
        raw -> attribution.enrich(RecordBatch.ofUsage(raw.stream().map(ImportFeature::unattributed).toList())).usage(),
        complements -> self[0].store(RecordBatch.ofUsage(complements)));
    this.sink = new StoreImportSink(b -> queue.submit("import", b), pricing, reconciler, learner);
    self[0] = sink;
    this.scheduler = scheduler(fromSettings);
  }

  private ImportScheduler scheduler(List<ImporterConfig> sources) {
    ImportScheduler.Builder b = ImportScheduler.builder().clock(clock).cursors(store.importCursors()).sink(sink).tick(tick);
    for (ImporterConfig c : sources) b.source(VendorImporters.create(c, client, clock), c);
    return b.build();
  }

  /** The sources: those of the settings, then those configured through the API for other vendors. */
  private List<ImporterConfig> sources() {
    List<ImporterConfig> all = new java.util.ArrayList<>(fromSettings);
    for (ImporterConfig c : saved.load()) {
      if (fromSettings.stream().noneMatch(s -> s.vendor() == c.vendor())) all.add(c);
    }
    return all;
  }

  /** Whether {@code vendor} is configured by the settings (then the API cannot change it). */
  public boolean fromSettings(Vendor vendor) {
    return fromSettings.stream().anyMatch(s -> s.vendor() == vendor);
  }

  /**
   * Adds or changes a source through the admin API: kept across restarts (the key in a file of
   * the data folder), pulled from now on. {@code key} null keeps the key saved before.
   *
   * @throws IllegalStateException when the settings configure this vendor
   */
  public synchronized void configure(ImporterConfig c, String key) {
    if (fromSettings(c.vendor())) {
      throw new IllegalStateException(c.vendor().id() + " is configured by the settings importers." + c.vendor().id()
          + ".*; change it there");
    }
    saved.save(c, key);
    replaceScheduler();
  }

  /** The saved key of an API-configured source, for a change of its other settings. */
  Secret savedKey(Vendor v) {
    return saved.key(v);
  }

  /** Removes a source configured through the API; false when there was none. */
  public synchronized boolean remove(Vendor vendor) {
    if (fromSettings(vendor)) {
      throw new IllegalStateException(vendor.id() + " is configured by the settings importers." + vendor.id()
          + ".*; remove it there");
    }
    if (!saved.contains(vendor)) return false;
    saved.remove(vendor);
    replaceScheduler();
    return true;
  }

  private void replaceScheduler() {
    ImportScheduler old = scheduler;
    scheduler = scheduler(sources());
    if (started) {
      old.close();
      scheduler.start();
    }
  }

  /** A raw aggregate as the vendor identified it, so that attribution follows the directory as it is now. */
  private static UsageRecord unattributed(UsageRecord r) {
    if (r.identity() == null || r.identity().kind() == RawIdentity.Kind.PERSON_ID || r.person() == null) return r;
    return r.toBuilder().person(null).build();
  }

  /**
   * Starts pulling on schedule (every source is due at once after a start, then on its
   * interval), with the sources configured through the API added.
   */
  public synchronized void start() {
    if (started) return;
    started = true;
    scheduler = scheduler(sources());
    scheduler.start();
  }

  public ImportScheduler scheduler() {
    return scheduler;
  }

  StoreImportSink sink() {
    return sink;
  }

  /** Runs a source now on a thread of its own (an admin's "run now"); its outcome shows in its status. */
  public void runInBackground(String source) {
    Thread.ofVirtual().name("tokenmaxx-import-now-" + source).start(() -> {
      try {
        scheduler.runNow(source);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "import " + source + " failed unexpectedly", e);
      }
    });
  }

  /**
   * Imports a console's CSV export: every readable row is stored (a vendor's daily aggregates
   * through precedence, like pulled ones), the others are returned with their line.
   */
  public ImportSchema.FileImport importCsv(Vendor vendor, String csv, RawIdentity identity) {
    CsvImport.Result read;
    try {
      read = CsvImport.read(vendor, new StringReader(csv), identity);
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    sink.accept(read.usage(), List.of());
    Set<LocalDate> days = new TreeSet<>();
    for (UsageRecord r : read.usage()) {
      if (reconciler.isAggregate(r)) days.add(LocalDate.ofInstant(r.timestamp(), ZoneOffset.UTC));
    }
    days.forEach(reconciler::reconcile);
    return new ImportSchema.FileImport(vendor.id(), read.usage().size(), read.errors());
  }

  /** Pulls the days {@code from} through {@code through} of a source once, into the store, leaving its cursor alone. */
  public io.tokenmaxx.collect.vendor.RunResult pull(String source, LocalDate from, LocalDate through) {
    return scheduler.pull(source, from, through, sink);
  }

  /** Recomputes the stored complements of the vendors' daily aggregates for these days (late finer records). */
  public void reconcile(LocalDate from, LocalDate through) {
    for (LocalDate d = from; !d.isAfter(through); d = d.plusDays(1)) reconciler.reconcile(d);
  }

  public List<SourceStatus> status() {
    return scheduler.status();
  }

  public List<HttpService> services(RequestAuth auth) {
    return List.of(new ImportApi(auth, this, clock));
  }

  /** The import API's operations for the OpenAPI document. */
  public static List<io.tokenmaxx.server.api.ApiOperation> operations() {
    return ImportApi.operations();
  }

  public List<Page> pages() {
    return List.of(new SourcesPage(this));
  }

  /** {@code /health}'s {@code importers} section: each source's state, never a key. */
  public List<Map<String, Object>> health() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (SourceStatus s : status()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", s.source());
      m.put("status", s.failing() ? "FAILING" : s.cursor().lastSuccess() == null ? "NOT_YET_RUN" : "OK");
      if (s.failing()) m.put("message", s.cursor().lastError());
      if (s.cursor().lastSuccess() != null) m.put("lastSuccess", s.cursor().lastSuccess().toString());
      out.add(m);
    }
    return out;
  }

  @Override
  public CheckResult check() {
    return scheduler.check();
  }

  @Override
  public synchronized void close() {
    scheduler.close();
  }
}
