package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.analyze.AnalyticsFilter;
import io.tokenmaxx.analyze.AnalyticsFixture;
import io.tokenmaxx.analyze.AnalyticsService;
import io.tokenmaxx.analyze.LeaderboardMeasure;
import io.tokenmaxx.analyze.LeaderboardMode;
import io.tokenmaxx.analyze.OrgChart;
import io.tokenmaxx.analyze.Pseudonyms;
import io.tokenmaxx.analyze.Viewer;
import io.tokenmaxx.analyze.store.AnalyticsStore;
import io.tokenmaxx.analyze.store.ReferenceAnalyticsStore;
import io.tokenmaxx.analyze.store.Scope;
import io.tokenmaxx.identity.Alias;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Analytics in SQL against the pure-Java reference ({@link ReferenceAnalyticsStore}) on generated
 * organizations: every query under seeded random scopes (zones with DST and half-hour offsets,
 * ranges, department/team/tool/model/person filters), whole pages through {@link AnalyticsService},
 * and the rollups kept right through late records, re-sent ids and re-attribution.
 */
public abstract class ITAnalytics extends StorageTest {
  static final LocalDate END = LocalDate.of(2026, 11, 20);

  static void load(StorageTest t, AnalyticsFixture fx, List<UsageRecord> usage, List<OutcomeRecord> outcomes, int batch) {
    Directory dir = t.storage.directory();
    dir.upsertDepartments(fx.departments);
    dir.upsertTeams(fx.teams);
    dir.upsertPeople(fx.people);
    for (int i = 0; i < usage.size(); i += batch) {
      t.storage.usageConsumer().accept(usage.subList(i, Math.min(usage.size(), i + batch)));
    }
    for (int i = 0; i < outcomes.size(); i += batch) {
      t.storage.outcomeConsumer().accept(outcomes.subList(i, Math.min(outcomes.size(), i + batch)));
    }
  }

  void agree(AnalyticsFixture fx, List<UsageRecord> usage, List<OutcomeRecord> outcomes, long seed, int scopes) {
    AnalyticsStore ref = new ReferenceAnalyticsStore(usage, outcomes, fx.people);
    for (Scope s : AnalyticsAgreement.scopes(fx, seed, scopes)) AnalyticsAgreement.assertAgrees(ref, storage.analytics(), s);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void everyQueryAgreesWithTheReference(long seed) {
    AnalyticsFixture fx = AnalyticsFixture.generate(seed, 50, 5, END);
    load(this, fx, fx.usage, fx.outcomes, 4000);
    agree(fx, fx.usage, fx.outcomes, seed, 6);
  }

  @Test
  void pagesAgreeWithTheReference() {
    AnalyticsFixture fx = AnalyticsFixture.generate(7, 30, 4, END);
    load(this, fx, fx.usage, fx.outcomes, 5000);
    Clock clock = Clock.fixed(END.atTime(20, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    Pseudonyms pseudonyms = new Pseudonyms("pseudonym key for the analytics kit".getBytes());
    Function<AnalyticsStore, AnalyticsService> service = store -> AnalyticsService.builder().store(store)
        .directory(store instanceof ReferenceAnalyticsStore ? fx.directory() : storage.directory())
        .settings(fx.settings()).pseudonyms(pseudonyms).prices(AnalyticsFixture.CACHE_PRICES).clock(clock).build();
    AnalyticsService sql = service.apply(storage.analytics());
    AnalyticsService ref = service.apply(new ReferenceAnalyticsStore(fx.usage, fx.outcomes, fx.people));
    OrgChart chart = OrgChart.of(fx.people);
    Person member = fx.people.stream().filter(p -> !chart.managesAnyone(p.id()) && p.team() != null).findFirst().orElseThrow();
    List<Viewer> viewers = List.of(Viewer.admin("admin", null, 5), Viewer.forPerson("member", member.id(), chart, 5),
        Viewer.forPerson("manager", member.manager(), chart, 5));
    List<AnalyticsFilter> filters = List.of(AnalyticsFilter.builder().from(END.minusWeeks(4).plusDays(1)).to(END).build(),
        AnalyticsFilter.builder().department(member.department()).tool("claude-code").build(),
        AnalyticsFilter.builder().zone(java.time.ZoneId.of("Asia/Kolkata")).team(member.team()).build());
    for (int i = 0; i < viewers.size(); i++) {
      Viewer v = viewers.get(i);
      // Each viewer with two of the filters: every filter is seen by two roles.
      for (AnalyticsFilter f : List.of(filters.get(i % 3), filters.get((i + 1) % 3))) {
        same(sql.overview(v, f), ref.overview(v, f));
        same(sql.adoption(v, f), ref.adoption(v, f));
        same(sql.spend(v, f), ref.spend(v, f));
        same(sql.usage(v, f), ref.usage(v, f));
        same(sql.team(v, member.team(), f), ref.team(v, member.team(), f));
        for (LeaderboardMode mode : LeaderboardMode.values()) {
          same(sql.leaderboard(v, f, LeaderboardMeasure.TOKENS, mode), ref.leaderboard(v, f, LeaderboardMeasure.TOKENS, mode));
        }
        same(sql.leaderboard(v, f, LeaderboardMeasure.OUTCOMES_PER_TOKEN, LeaderboardMode.NAMED),
            ref.leaderboard(v, f, LeaderboardMeasure.OUTCOMES_PER_TOKEN, LeaderboardMode.NAMED));
        same(sql.person(v, member.id(), f), ref.person(v, member.id(), f));
      }
    }
  }

  static void same(Object sql, Object ref) {
    assertThat(sql).usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .withComparatorForType((Double a, Double b) -> Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) ? 0 : Double.compare(a, b), Double.class)
        .isEqualTo(ref);
  }

  @Test
  void lateRecordsAndResentIdsKeepRollupsRight() {
    AnalyticsFixture fx = AnalyticsFixture.generate(21, 40, 4, END);
    Random rnd = new Random(21);
    List<UsageRecord> early = new ArrayList<>();
    List<UsageRecord> late = new ArrayList<>();
    for (UsageRecord r : fx.usage) (rnd.nextInt(10) == 0 ? late : early).add(r);
    load(this, fx, early, fx.outcomes, 3000);
    // Late arrivals, in small batches, out of order.
    Collections.shuffle(late, rnd);
    for (int i = 0; i < late.size(); i += 97) storage.usageConsumer().accept(late.subList(i, Math.min(late.size(), i + 97)));
    // Re-sent ids: grown copies, moved to another hour or day, another model, another person.
    List<UsageRecord> current = new ArrayList<>(fx.usage);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < current.size(); i++) index.put(current.get(i).id(), i);
    List<UsageRecord> resent = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      UsageRecord r = current.get(rnd.nextInt(current.size()));
      UsageRecord.Builder b = r.toBuilder().outputTokens(r.outputTokens() + 1000);
      switch (i % 4) {
        case 0 -> b.timestamp(r.timestamp().plus(Duration.ofMinutes(30 + rnd.nextInt(3000))));
        case 1 -> b.model("claude-opus-4-7").computedCost(new BigDecimal("0.25"));
        case 2 -> b.person(fx.people.get(rnd.nextInt(fx.people.size())).id());
        default -> b.reportedCost(new BigDecimal("0.5")).computedCost(null);
      }
      UsageRecord n = b.build();
      resent.add(n);
      current.set(index.get(n.id()), n);
    }
    for (int i = 0; i < resent.size(); i += 50) storage.usageConsumer().accept(resent.subList(i, Math.min(resent.size(), i + 50)));
    // An outcome re-sent with another value.
    List<OutcomeRecord> outcomes = new ArrayList<>(fx.outcomes);
    OutcomeRecord o = outcomes.get(outcomes.size() / 2);
    OutcomeRecord changed = new OutcomeRecord(o.id(), o.timestamp().minus(Duration.ofDays(1)), o.source(), o.tool(), o.kind(),
        o.value() + 5, o.person(), o.identity(), o.sessionId(), o.project(), o.detail());
    outcomes.set(outcomes.size() / 2, changed);
    storage.outcomeConsumer().accept(List.of(changed));
    agree(fx, current, outcomes, 21, 5);
  }

  @Test
  void retractedRecordsLeaveTheRollups() {
    AnalyticsFixture fx = AnalyticsFixture.generate(45, 30, 3, END);
    load(this, fx, fx.usage, fx.outcomes, 5000);
    List<String> sessions = fx.usage.stream().filter(r -> r.tool().equals("claude-code") && r.sessionId() != null)
        .map(UsageRecord::sessionId).distinct().limit(6).toList();
    java.time.Instant since = fx.spec.startDate().minusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    long deleted = 0;
    for (String s : sessions) deleted += storage.retractions().retract("claude-code", "demo:", s, null, since);
    List<UsageRecord> kept = fx.usage.stream()
        .filter(r -> !(r.tool().equals("claude-code") && sessions.contains(r.sessionId()))).toList();
    assertThat(deleted).isEqualTo(fx.usage.size() - kept.size()).isPositive();
    agree(fx, kept, fx.outcomes, 45, 3);
  }

  @Test
  void reattributionMovesRollupsWithTheRecords() {
    AnalyticsFixture fx = AnalyticsFixture.generate(33, 40, 4, END);
    load(this, fx, fx.usage, fx.outcomes, 5000);
    List<UsageRecord> unattributed = fx.usage.stream().filter(r -> r.person() == null).toList();
    assertThat(unattributed).isNotEmpty();
    Map<RawIdentity, String> owner = new HashMap<>();
    List<Person> people = new ArrayList<>(fx.people);
    people.sort(Comparator.comparing(Person::id));
    int i = 0;
    for (UsageRecord r : unattributed) {
      if (!owner.containsKey(r.identity()) && owner.size() < 5) owner.put(r.identity(), people.get(i++ % people.size()).id());
    }
    List<Alias> aliases = owner.entrySet().stream().map(e -> new Alias(e.getKey(), e.getValue())).toList();
    storage.directory().addAliases(aliases);
    List<UsageRecord> after = new ArrayList<>();
    for (UsageRecord r : fx.usage) {
      String p = r.person() == null && owner.containsKey(r.identity()) ? owner.get(r.identity()) : r.person();
      after.add(r.toBuilder().person(p).build());
    }
    agree(fx, after, fx.outcomes, 33, 3);
    // Move one alias to someone else: records attributed through it follow.
    Map.Entry<RawIdentity, String> moved = owner.entrySet().iterator().next();
    String next = people.get(people.size() - 1).id();
    storage.directory().addAliases(List.of(new Alias(moved.getKey(), next)));
    List<UsageRecord> again = new ArrayList<>();
    for (UsageRecord r : after) {
      again.add(moved.getKey().equals(r.identity()) && moved.getValue().equals(r.person()) ? r.toBuilder().person(next).build() : r);
    }
    agree(fx, again, fx.outcomes, 34, 3);
  }
}
