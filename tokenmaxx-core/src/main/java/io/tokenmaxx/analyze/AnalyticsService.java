package io.tokenmaxx.analyze;

import io.tokenmaxx.analyze.page.AdoptionPage;
import io.tokenmaxx.analyze.page.Leaderboard;
import io.tokenmaxx.analyze.page.OverviewPage;
import io.tokenmaxx.analyze.page.PersonPage;
import io.tokenmaxx.analyze.page.SpendPage;
import io.tokenmaxx.analyze.page.TeamPage;
import io.tokenmaxx.analyze.page.UnattributedPage;
import io.tokenmaxx.analyze.page.UsagePage;
import io.tokenmaxx.analyze.store.AnalyticsStore;
import io.tokenmaxx.identity.Directory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link Analytics} over an {@link AnalyticsStore}: asks the store for aggregates, applies the
 * viewer's scope (visibility, k-suppression, pseudonyms), composes the pages and writes the audit
 * log. Thread-safe; build one per server with {@link #builder()}.
 */
public final class AnalyticsService implements Analytics {
  final AnalyticsStore store;
  final Directory directory;
  final AnalyticsSettings settings;
  final Pseudonyms pseudonyms;
  final AuditLog audit;
  final CachePrices prices;
  final Clock clock;
  final List<LeaderboardContextProvider> contextProviders;
  final List<LeaderboardAdjustment> adjustments;
  final java.util.function.Supplier<List<String>> defaultAdjustments;
  final java.util.concurrent.Executor executor;

  private AnalyticsService(Builder b) {
    this.store = Objects.requireNonNull(b.store, "store");
    this.directory = Objects.requireNonNull(b.directory, "directory");
    this.settings = Objects.requireNonNull(b.settings, "settings");
    this.pseudonyms = Objects.requireNonNull(b.pseudonyms, "pseudonyms");
    this.audit = b.audit;
    this.prices = b.prices;
    this.clock = b.clock;
    this.contextProviders = List.copyOf(b.contextProviders);
    this.adjustments = List.copyOf(b.adjustments);
    this.defaultAdjustments = b.defaultAdjustments;
    this.executor = b.executor != null ? b.executor : java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
  }

  public static Builder builder() {
    return new Builder();
  }

  public AnalyticsSettings settings() {
    return settings;
  }

  /** The directory people are read from (for resolvers that build {@link Viewer}s). */
  public Directory directory() {
    return directory;
  }

  public static final class Builder {
    private AnalyticsStore store;
    private Directory directory;
    private AnalyticsSettings settings;
    private Pseudonyms pseudonyms;
    private AuditLog audit = AuditLog.NONE;
    private CachePrices prices = CachePrices.NONE;
    private Clock clock = Clock.systemUTC();
    private final List<LeaderboardContextProvider> contextProviders = new ArrayList<>();
    private final List<LeaderboardAdjustment> adjustments = new ArrayList<>();
    private java.util.function.Supplier<List<String>> defaultAdjustments = List::of;
    private java.util.concurrent.Executor executor;

    Builder() {}

    /**
     * Where a page's independent store queries run side by side (default: a virtual thread each).
     * {@code Runnable::run} runs them one after another on the caller's thread.
     */
    public Builder executor(java.util.concurrent.Executor v) { executor = Objects.requireNonNull(v, "executor"); return this; }

    /** Where aggregates come from (a backend's {@code StorageComponent.analytics()}). */
    public Builder store(AnalyticsStore v) { store = v; return this; }
    /** People, teams and departments (headcounts, names, reporting lines). */
    public Builder directory(Directory v) { directory = v; return this; }
    public Builder settings(AnalyticsSettings v) { settings = v; return this; }
    /** The server's pseudonym key. */
    public Builder pseudonyms(Pseudonyms v) { pseudonyms = v; return this; }
    /** Where accesses to person-level data are recorded (default: nowhere). */
    public Builder audit(AuditLog v) { audit = Objects.requireNonNull(v, "audit"); return this; }
    /** Input and cache-read prices for cache savings (default: none, savings unknown). */
    public Builder prices(CachePrices v) { prices = Objects.requireNonNull(v, "prices"); return this; }
    /** "Today" for default ranges and the audit log's timestamps. */
    public Builder clock(Clock v) { clock = Objects.requireNonNull(v, "clock"); return this; }
    /** Adds leaderboard context columns (check-in streaks, flags, ...). */
    public Builder contextProvider(LeaderboardContextProvider v) { contextProviders.add(Objects.requireNonNull(v)); return this; }
    /** Adds a leaderboard adjustment requests may pick by key (exclude flagged, quality-adjusted, ...). */
    public Builder adjustment(LeaderboardAdjustment v) { adjustments.add(Objects.requireNonNull(v)); return this; }

    /** The adjustments a leaderboard gets when the request names none (the organization's rule). */
    public Builder defaultAdjustments(java.util.function.Supplier<List<String>> v) {
      defaultAdjustments = Objects.requireNonNull(v);
      return this;
    }

    public AnalyticsService build() {
      return new AnalyticsService(this);
    }
  }

  @Override
  public OverviewPage overview(Viewer viewer, AnalyticsFilter filter) {
    return OverviewPages.build(new Request(this, viewer, filter));
  }

  @Override
  public AdoptionPage adoption(Viewer viewer, AnalyticsFilter filter) {
    return AdoptionPages.build(new Request(this, viewer, filter));
  }

  @Override
  public Leaderboard leaderboard(Viewer viewer, AnalyticsFilter filter, LeaderboardMeasure measure, LeaderboardMode mode) {
    return leaderboard(viewer, filter, measure, mode, List.of());
  }

  @Override
  public Leaderboard leaderboard(Viewer viewer, AnalyticsFilter filter, LeaderboardMeasure measure, LeaderboardMode mode,
      List<String> adjustmentKeys) {
    List<LeaderboardAdjustment> picked = new ArrayList<>();
    if (adjustmentKeys == null) adjustmentKeys = defaultAdjustments.get();
    for (String key : adjustmentKeys) {
      if (key.equals(NO_ADJUSTMENT)) continue;
      LeaderboardAdjustment a = adjustments.stream().filter(x -> x.key().equals(key)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown leaderboard adjustment '" + key + "', expected one of "
              + adjustments.stream().map(LeaderboardAdjustment::key).toList()));
      if (!picked.contains(a)) picked.add(a);
    }
    return LeaderboardPages.build(new Request(this, viewer, filter), Objects.requireNonNull(measure, "measure"),
        Objects.requireNonNull(mode, "mode"), picked);
  }

  /** The adjustment key that asks for the plain ranking where a default rule would apply. */
  public static final String NO_ADJUSTMENT = "none";

  @Override
  public List<LeaderboardAdjustment> leaderboardAdjustments() {
    return adjustments;
  }

  @Override
  public PersonPage person(Viewer viewer, String personId, AnalyticsFilter filter) {
    return PersonPages.build(new Request(this, viewer, filter), Objects.requireNonNull(personId, "personId"));
  }

  @Override
  public TeamPage team(Viewer viewer, String teamId, AnalyticsFilter filter) {
    return TeamPages.build(new Request(this, viewer, filter), Objects.requireNonNull(teamId, "teamId"));
  }

  @Override
  public SpendPage spend(Viewer viewer, AnalyticsFilter filter) {
    return SpendPages.build(new Request(this, viewer, filter));
  }

  @Override
  public UsagePage usage(Viewer viewer, AnalyticsFilter filter) {
    return UsagePages.build(new Request(this, viewer, filter));
  }

  @Override
  public UnattributedPage unattributed(Viewer viewer, AnalyticsFilter filter, int limit) {
    if (!viewer.isAdmin()) throw new NotVisibleException("only admins may see unattributed identities");
    if (limit < 1 || limit > 10_000) throw new IllegalArgumentException("limit must be within 1..10000, was " + limit);
    Request q = new Request(this, viewer, filter);
    var summary = OverviewPages.laterUnattributed(q);
    var rows = new java.util.ArrayList<io.tokenmaxx.analyze.page.IdentityRow>();
    for (var u : store.unattributed(q.scope, limit)) {
      rows.add(new io.tokenmaxx.analyze.page.IdentityRow(u.kind(), u.value(), u.tools(), u.records(), u.tokens(),
          u.cost(), u.firstSeen(), u.lastSeen()));
    }
    q.audit(AuditEntry.VIEW, "unattributed", null, rows.size() + " identities, " + q.describe());
    return new UnattributedPage(q.period, summary.get(), rows);
  }
}
