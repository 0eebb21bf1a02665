package io.tokenmaxx.collect.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.importer.ImportCursor;
import io.tokenmaxx.importer.InMemoryImportCursorStore;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.Sources;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every vendor importer must do against its stand-in: import exactly what was served, once,
 * after repeated and overlapping pulls, after a vendor revision and after a restart mid-pull;
 * honour the planned 429's {@code Retry-After} and retry the 500; leave unknown users and keys
 * unlinked; never show the key. Each vendor's test extends this with its stand-in.
 */
abstract class VendorImportContract {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 4);

  VendorStandIn standIn;
  MutableClock clock;
  InMemoryImportCursorStore cursors;
  MemoryImportStore store;
  RecordingSleeper sleeper;

  abstract VendorStandIn standIn(LocalDate today) throws Exception;

  /** Page size small enough that the stand-in's data takes several pages. */
  int pageSize() {
    return 3;
  }

  @BeforeEach
  void setUp() throws Exception {
    standIn = standIn(TODAY);
    clock = new MutableClock(TODAY.atTime(15, 0).toInstant(java.time.ZoneOffset.UTC));
    cursors = new InMemoryImportCursorStore();
    store = new MemoryImportStore();
    sleeper = new RecordingSleeper();
  }

  @AfterEach
  void tearDown() {
    standIn.close();
  }

  ImporterConfig config() {
    return new ImporterConfig(standIn.vendor(), Secret.of(standIn.adminKey(), "importers." + standIn.vendor().id() + ".admin-key (test)"),
        standIn.baseUrl(), Duration.ofHours(1), 2 + standIn.vendor().lagDays(), standIn.vendor().rereadDays(),
        standIn.organization(), pageSize());
  }

  ImportScheduler scheduler(ImportSink sink) {
    ImporterConfig c = config();
    return ImportScheduler.builder().clock(clock).cursors(cursors).sink(sink)
        .source(VendorImporters.create(c, VendorImporters.httpClient(), clock, sleeper), c).build();
  }

  LocalDate first() {
    return TODAY.minusDays(2 + standIn.vendor().lagDays());
  }

  LocalDate last() {
    return TODAY.minusDays(standIn.vendor().lagDays());
  }

  void assertStoreHoldsWhatWasServed() {
    Served served = standIn.served(first(), last());
    assertThat(Served.tokens(store.usageTotals())).isEqualTo(Served.tokens(served.usage));
    assertThat(Served.costByDay(store.usageTotals())).isEqualTo(Served.costByDay(served.usage));
    assertThat(store.outcomeTotals()).isEqualTo(served.outcomes);
  }

  @Test
  void firstPullImportsExactlyWhatWasServed() {
    try (ImportScheduler s = scheduler(store)) {
      RunResult r = s.runDue().get(0);

      assertThat(r.error()).isNull();
      assertThat(r.from()).isEqualTo(first());
      assertThat(r.through()).isEqualTo(last());
      assertThat(store.usage).isNotEmpty();
      assertStoreHoldsWhatWasServed();
      assertThat(store.usage.values()).allSatisfy(u -> assertThat(u.source()).isEqualTo(Sources.IMPORT));
      // the empty day holds nothing
      assertThat(store.usage.values()).noneMatch(u -> u.id().contains(":" + standIn.emptyDay() + ":")
          && !u.id().contains(".seats:"));
      // the planned 429 was waited out as asked, the 500 retried
      assertThat(standIn.server().served(standIn.throttledPath(), 429)).isEqualTo(1);
      assertThat(standIn.server().served(standIn.failingPath(), 500)).isEqualTo(1);
      assertThat(sleeper.waits).contains(Duration.ofSeconds(2));
      assertThat(sleeper.waits).hasSize(2);
      // unknown users and keys are imported under their raw identity, and linked to nobody
      Set<String> linked = store.links.stream().flatMap(l -> l.identities().stream()).map(RawIdentity::toString)
          .collect(Collectors.toSet());
      Set<String> imported = store.usage.values().stream().map(u -> String.valueOf(u.identity())).collect(Collectors.toSet());
      assertThat(imported).containsAll(standIn.unknownIdentities());
      assertThat(linked).doesNotContainAnyElementsOf(standIn.unknownIdentities());
      // the cursor says where it got to; nothing shows the key
      ImportCursor c = cursors.load(standIn.vendor().id()).orElseThrow();
      assertThat(c.completeThrough()).isEqualTo(last());
      assertThat(c.failing()).isFalse();
      assertThat(c.recordsImported()).isGreaterThanOrEqualTo(store.usage.size() + store.outcomes.size());
      assertThat(c.nextRun()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
      assertThat(s.status().toString() + config() + c).doesNotContain(standIn.adminKey());
      assertThat(s.status().get(0).keyOrigin()).contains("admin-key");
    }
  }

  @Test
  void repeatedAndOverlappingPullsCountOnce() {
    try (ImportScheduler s = scheduler(store)) {
      assertThat(s.runDue().get(0).ok()).isTrue();
      var ids = new HashMap<>(store.usage);
      assertThat(s.runDue()).isEmpty(); // not due before the interval
      assertThat(s.runNow(standIn.vendor().id()).ok()).isTrue();
      assertThat(s.pull(standIn.vendor().id(), first().minusDays(1), last(), store).ok()).isTrue();
      clock.advance(Duration.ofHours(1));
      assertThat(s.runDue().get(0).ok()).isTrue();

      assertThat(store.usage.keySet()).isEqualTo(ids.keySet());
      assertStoreHoldsWhatWasServed();
    }
  }

  @Test
  void aRevisedBucketReplacesTheEarlierValue() {
    try (ImportScheduler s = scheduler(store)) {
      assertThat(s.runDue().get(0).ok()).isTrue();
      Served before = standIn.served(first(), last());
      standIn.revise(last());
      assertThat(standIn.served(first(), last()).usage).isNotEqualTo(before.usage);
      clock.advance(Duration.ofHours(1));

      RunResult again = s.runDue().get(0);

      assertThat(again.ok()).isTrue();
      LocalDate reread = last().minusDays(standIn.vendor().rereadDays() - 1L);
      assertThat(again.from()).isEqualTo(reread.isBefore(first()) ? first() : reread);
      assertStoreHoldsWhatWasServed();
    }
  }

  @Test
  void aRestartMidPullResumesAndCountsOnce() {
    store.failAfterAccepts = 2;
    try (ImportScheduler s = scheduler(store)) {
      RunResult failed = s.runDue().get(0);
      assertThat(failed.ok()).isFalse();
      assertThat(failed.error()).contains("store unavailable");
    }
    ImportCursor c = cursors.load(standIn.vendor().id()).orElseThrow();
    assertThat(c.failing()).isTrue();
    assertThat(c.consecutiveFailures()).isEqualTo(1);
    assertThat(c.nextRun()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

    store.failAfterAccepts = Integer.MAX_VALUE; // the store is back; a new process starts
    try (ImportScheduler restarted = scheduler(store)) {
      assertThat(restarted.runDue()).isEmpty(); // backing off
      clock.advance(Duration.ofMinutes(1));
      assertThat(restarted.runDue().get(0).ok()).isTrue();
    }
    assertStoreHoldsWhatWasServed();
    ImportCursor after = cursors.load(standIn.vendor().id()).orElseThrow();
    assertThat(after.failing()).isFalse();
    assertThat(after.lastSuccess()).isEqualTo(clock.instant());
    assertThat(after.completeThrough()).isEqualTo(last());
  }

  @Test
  void aWrongKeyFailsWithTheVendorsErrorAndNoSecret() {
    ImporterConfig good = config();
    ImporterConfig bad = new ImporterConfig(good.vendor(), Secret.of("wrong-key-value-123", "importers.x.admin-key (test)"),
        good.baseUrl(), good.interval(), good.backfillDays(), good.rereadDays(), good.organization(), good.pageSize());
    try (ImportScheduler s = ImportScheduler.builder().clock(clock).cursors(cursors).sink(store)
        .source(VendorImporters.create(bad, VendorImporters.httpClient(), clock, sleeper), bad).build()) {
      RunResult r = s.runDue().get(0);
      assertThat(r.error()).contains("401").doesNotContain("wrong-key-value-123");
      assertThat(cursors.load(bad.vendor().id()).orElseThrow().lastError()).isEqualTo(r.error());
      assertThat(store.usage).isEmpty();
      assertThat(standIn.server().served(401)).isEqualTo(1); // 401 is not retried
    }
  }

  static Instant at(LocalDate d, int hour) {
    return d.atTime(hour, 0).toInstant(java.time.ZoneOffset.UTC);
  }
}
