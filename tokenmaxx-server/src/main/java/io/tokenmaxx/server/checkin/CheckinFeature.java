package io.tokenmaxx.server.checkin;

import io.helidon.webserver.http.HttpService;
import io.tokenmaxx.checkin.CheckinCalendar;
import io.tokenmaxx.checkin.CheckinSearch;
import io.tokenmaxx.checkin.CheckinService;
import io.tokenmaxx.checkin.CheckinStore;
import io.tokenmaxx.checkin.Reminders;
import io.tokenmaxx.component.CheckResult;
import io.tokenmaxx.component.Component;
import io.tokenmaxx.guard.GuardRunner;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.server.api.ViewerResolver;
import io.tokenmaxx.server.auth.RequestAuth;
import io.tokenmaxx.server.guard.GuardApi;
import io.tokenmaxx.server.guard.GuardSchedule;
import io.tokenmaxx.storage.StorageComponent;
import io.tokenmaxx.storage.UsageStore;
import io.tokenmaxx.storage.search.LuceneCheckinSearch;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Weekly check-ins and the Goodhart guard in the server: the check-in service with its search
 * index, digests and reminders, detection runs, their APIs and schedules, and the leaderboard
 * context they add. {@link #start} rebuilds the search index from the store and starts the
 * schedules; {@link #close} stops them.
 */
public final class CheckinFeature implements Component {
  private static final System.Logger LOG = System.getLogger(CheckinFeature.class.getName());

  private final StorageComponent store;
  private final CheckinSettings settings;
  private final ZoneId zone;
  private final Clock clock;
  private final LuceneCheckinSearch search = LuceneCheckinSearch.inMemory();
  private final CheckinService service;
  private final Readers readers;
  private final DigestService digests;
  private final Webhook webhook;
  private final CheckinSchedule schedule;
  private final GuardSchedule guard;
  private final LeaderboardRule leaderboardRule;
  private ScheduledExecutorService timer;

  /** @param minGroupSize k ({@code privacy.min-group-size}), for the digest's participation counts */
  public CheckinFeature(StorageComponent store, CheckinSettings settings, ZoneId zone, Clock clock, int minGroupSize) {
    this.store = store;
    this.settings = settings;
    this.zone = zone;
    this.clock = clock;
    this.service = new CheckinService(store.checkins(), search, new CheckinCalendar(zone, settings.editGrace(), clock),
        id -> store.directory().person(id));
    this.readers = new Readers(store.directory());
    this.digests = new DigestService(store.checkins(), store.usageStore(), store.directory(), zone, minGroupSize);
    this.webhook = settings.webhook() ? new Webhook(settings.webhookUrl(), settings.webhookSecret(), clock) : null;
    this.schedule = new CheckinSchedule(this, settings, store.state(), clock);
    this.leaderboardRule = new LeaderboardRule(store.state());
    this.guard = new GuardSchedule(new GuardRunner(store.guardFeatures(), store.checkins(), store.flags(),
        settings.guard().withZone(zone), clock), settings.lookbackWeeks(), store.state(), clock);
  }

  /** Adds where reminders go besides the webhook (an e-mail gateway, a chat bot). */
  public CheckinFeature reminderSender(Reminders.ReminderSender sender) {
    schedule.addSender(sender);
    return this;
  }

  /** Indexes the stored check-ins and starts the schedules (detection runs once right away). */
  public synchronized CheckinFeature start() {
    if (timer != null) return this;
    long n = search.rebuild(store.checkins());
    LOG.log(Level.INFO, "check-in search: indexed " + n + " check-ins");
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tokenmaxx-checkins");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(guard::tick, 0, settings.guardInterval().toMillis(), TimeUnit.MILLISECONDS);
    timer.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.MINUTES);
    return this;
  }

  private void tick() {
    try {
      schedule.tick();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "check-in digest or reminder failed: " + e.getMessage(), e);
    }
  }

  /** The HTTP APIs of check-ins and flags. */
  public List<HttpService> services(RequestAuth auth, ViewerResolver viewers) {
    return List.of(new CheckinApi(this, auth, viewers),
        new GuardApi(guard, store.flags(), store.directory(), auth, viewers, clock));
  }

  /** The dashboard pages: feed and search, the form, the digest, the flags. */
  public List<io.tokenmaxx.server.web.Page> pages() {
    return List.of(new io.tokenmaxx.server.web.checkin.CheckinsPage(this),
        new io.tokenmaxx.server.web.checkin.CheckinFormPage(this),
        new io.tokenmaxx.server.web.checkin.DigestPage(this),
        new io.tokenmaxx.server.web.guard.FlagsPage(this));
  }

  /** Leaderboard adjustments: flagged people last, flagged people left out, rank by quality. */
  public List<io.tokenmaxx.analyze.LeaderboardAdjustment> leaderboardAdjustments() {
    CheckinRanking r = new CheckinRanking(store.checkins(), store.flags());
    return List.of(r.demoteFlagged(), r.excludeFlagged(), r.qualityAdjusted());
  }

  /** The organization's default leaderboard rule (an admin picks it on the flags page). */
  public LeaderboardRule leaderboardRule() {
    return leaderboardRule;
  }

  public CheckinContext leaderboardContext() {
    return new CheckinContext(store.checkins(), store.flags());
  }

  public CheckinService service() {
    return service;
  }

  public CheckinStore checkins() {
    return store.checkins();
  }

  public CheckinSearch search() {
    return search;
  }

  public Readers readers() {
    return readers;
  }

  public DigestService digests() {
    return digests;
  }

  public CheckinSchedule schedule() {
    return schedule;
  }

  public GuardSchedule guard() {
    return guard;
  }

  public StorageComponent store() {
    return store;
  }

  Webhook webhook() {
    return webhook;
  }

  /** Whether digests and reminders are posted to a webhook. */
  public boolean webhookConfigured() {
    return webhook != null;
  }

  public Directory directory() {
    return store.directory();
  }

  UsageStore usage() {
    return store.usageStore();
  }

  public ZoneId zone() {
    return zone;
  }

  public Clock clock() {
    return clock;
  }

  @Override
  public CheckResult check() {
    CheckResult r = search.check();
    return r.ok() ? CheckResult.ok("check-ins") : CheckResult.failed("check-ins", r.error());
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      try {
        timer.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      timer = null;
    }
    search.close();
  }
}
