package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tokenmaxx.analyze.AnalyticsFixture;
import io.tokenmaxx.analyze.DepthThresholds;
import io.tokenmaxx.analyze.LeaderboardMeasure;
import io.tokenmaxx.analyze.store.AnalyticsStore;
import io.tokenmaxx.analyze.store.GroupKey;
import io.tokenmaxx.analyze.store.IdentityUsage;
import io.tokenmaxx.analyze.store.PersonStats;
import io.tokenmaxx.analyze.store.Scope;
import io.tokenmaxx.analyze.store.SessionRow;
import io.tokenmaxx.analyze.store.SessionShapeStats;
import io.tokenmaxx.analyze.store.SpendShareRow;
import io.tokenmaxx.analyze.store.UnattributedTotals;
import io.tokenmaxx.analyze.store.UsageRow;
import io.tokenmaxx.identity.Person;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs every {@link AnalyticsStore} query on a backend and on the reference with the same scope
 * and asserts the same answer: exact for counts, keys, ranks and money (compared by value),
 * to 1e-9 relative for means, percentiles and shares.
 */
public final class AnalyticsAgreement {
  private AnalyticsAgreement() {}

  static final List<List<GroupKey>> KEYS = List.of(List.of(), List.of(GroupKey.DAY), List.of(GroupKey.WEEK),
      List.of(GroupKey.MONTH), List.of(GroupKey.DAY_OF_WEEK, GroupKey.HOUR_OF_DAY), List.of(GroupKey.TOOL),
      List.of(GroupKey.TOOL_CATEGORY), List.of(GroupKey.MODEL), List.of(GroupKey.PROVIDER), List.of(GroupKey.PERSON),
      List.of(GroupKey.TEAM), List.of(GroupKey.DEPARTMENT), List.of(GroupKey.DAY, GroupKey.TOOL),
      List.of(GroupKey.MODEL, GroupKey.DAY));

  static final List<ZoneId> ZONES = List.of(AnalyticsFixture.ZONE, ZoneId.of("UTC"), ZoneId.of("Europe/London"),
      ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Adelaide"), ZoneId.of("America/Los_Angeles"));

  /** Scopes drawn from a seeded random: zones, ranges (incl. across DST), filters of every kind. */
  public static List<Scope> scopes(AnalyticsFixture fx, long seed, int n) {
    Random rnd = new Random(seed);
    LocalDate end = fx.spec.endDate();
    LocalDate start = fx.spec.startDate();
    List<String> tools = List.of("claude-code", "codex", "gemini-cli", "chat", "api");
    List<String> models = List.of("claude-sonnet-4-6", "gpt-5.1", "gemini-3-flash", "llama-3.3-70b-internal");
    List<String> depts = fx.departments.stream().map(d -> d.id()).toList();
    List<String> teams = fx.teams.stream().map(t -> t.id()).toList();
    List<String> people = fx.people.stream().map(Person::id).toList();
    List<Scope> out = new ArrayList<>();
    out.add(new Scope(end.minusDays(27), end, AnalyticsFixture.ZONE, DayOfWeek.MONDAY, null, null, null, null, null, false));
    out.add(new Scope(start, end, ZoneId.of("Asia/Kolkata"), DayOfWeek.SUNDAY, null, null, null, null, null, true));
    // A set of people large enough to be bound as one array (up to 40 people, and an id nobody has).
    Set<String> many = new TreeSet<>(Set.of("nobody-" + seed));
    many.addAll(people.subList(0, Math.min(40, people.size())));
    out.add(new Scope(end.minusDays(40), end, AnalyticsFixture.ZONE, DayOfWeek.MONDAY, null, null, null, null, many, false));
    for (int i = 0; i < n; i++) {
      ZoneId zone = ZONES.get(rnd.nextInt(ZONES.size()));
      LocalDate from = start.plusDays(rnd.nextInt(20));
      LocalDate to = from.plusDays(rnd.nextInt((int) (end.toEpochDay() - from.toEpochDay()) + 3));
      DayOfWeek ws = rnd.nextBoolean() ? DayOfWeek.MONDAY : DayOfWeek.of(1 + rnd.nextInt(7));
      Set<String> d = rnd.nextInt(4) == 0 ? Set.of(depts.get(rnd.nextInt(depts.size()))) : Set.of();
      Set<String> t = rnd.nextInt(5) == 0 ? Set.of(teams.get(rnd.nextInt(teams.size()))) : Set.of();
      Set<String> tl = rnd.nextInt(3) == 0 ? pick(rnd, tools, 2) : Set.of();
      Set<String> m = rnd.nextInt(4) == 0 ? pick(rnd, models, 2) : Set.of();
      Set<String> p = rnd.nextInt(5) == 0 ? pick(rnd, people, 8) : null;
      out.add(new Scope(from, to, zone, ws, d, t, tl, m, p, rnd.nextInt(3) == 0));
    }
    return out;
  }

  private static Set<String> pick(Random rnd, List<String> from, int max) {
    Set<String> out = new TreeSet<>();
    int k = 1 + rnd.nextInt(max);
    for (int i = 0; i < k; i++) out.add(from.get(rnd.nextInt(from.size())));
    return out;
  }

  public static void assertAgrees(AnalyticsStore ref, AnalyticsStore sql, Scope s) {
    String at = "scope " + s;
    for (List<GroupKey> keys : KEYS) {
      assertThat(norm(sql.usage(s, keys))).as("usage by %s, %s", keys, at).isEqualTo(norm(ref.usage(s, keys)));
      assertThat(norm(sql.sums(s, keys))).as("sums by %s, %s", keys, at).isEqualTo(norm(ref.sums(s, keys)));
    }
    // Every grouping in one call, with one asked twice and one with its keys the other way round.
    List<List<GroupKey>> groupings = new java.util.ArrayList<>(KEYS);
    groupings.add(List.of(GroupKey.TOOL));
    groupings.add(List.of(GroupKey.DAY, GroupKey.MODEL));
    List<List<UsageRow>> together = sql.sumsBy(s, groupings);
    assertThat(together).hasSameSizeAs(groupings);
    for (int i = 0; i < groupings.size(); i++) {
      assertThat(norm(together.get(i))).as("sums by %s in one call, %s", groupings.get(i), at)
          .isEqualTo(norm(ref.sums(s, groupings.get(i))));
    }
    assertThat(sql.firstUse(s)).as("first use, %s", at).isEqualTo(ref.firstUse(s));
    for (LeaderboardMeasure m : LeaderboardMeasure.values()) {
      assertThat(normPeople(sql.people(s, m))).as("people by %s, %s", m, at).isEqualTo(normPeople(ref.people(s, m)));
    }
    assertThat(sql.variety(s)).as("tools and models per person, %s", at).isEqualTo(ref.variety(s));
    assertThat(sql.depth(s, DepthThresholds.DEFAULT)).as("depth, %s", at).isEqualTo(ref.depth(s, DepthThresholds.DEFAULT));
    assertThat(sql.depth(s, new DepthThresholds(3, 5))).as("depth 3/5, %s", at).isEqualTo(ref.depth(s, new DepthThresholds(3, 5)));
    assertThat(sql.retention(s)).as("retention, %s", at).isEqualTo(ref.retention(s));
    assertThat(normSessions(sql.sessions(s, 40))).as("sessions, %s", at).isEqualTo(normSessions(ref.sessions(s, 40)));
    shapes(sql.sessionShapes(s), ref.sessionShapes(s), at);
    assertThat(sql.outcomes(s)).as("outcomes, %s", at).isEqualTo(ref.outcomes(s));
    assertThat(sql.outcomesByPerson(s)).as("outcomes by person, %s", at).isEqualTo(ref.outcomesByPerson(s));
    shares(sql.personSpendShares(s), ref.personSpendShares(s), "person spend shares, " + at);
    shares(sql.teamSpendShares(s), ref.teamSpendShares(s), "team spend shares, " + at);
    UnattributedTotals a = sql.unattributedTotals(s);
    UnattributedTotals b = ref.unattributedTotals(s);
    assertThat(new UnattributedTotals(a.records(), a.tokens(), n(a.cost()), a.identities())).as("unattributed totals, %s", at)
        .isEqualTo(new UnattributedTotals(b.records(), b.tokens(), n(b.cost()), b.identities()));
    assertThat(normIds(sql.unattributed(s, 15))).as("unattributed identities, %s", at).isEqualTo(normIds(ref.unattributed(s, 15)));
  }

  static BigDecimal n(BigDecimal v) {
    if (v == null) return null;
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  static List<UsageRow> norm(List<UsageRow> rows) {
    return rows.stream().map(r -> new UsageRow(r.key(), r.inputTokens(), r.outputTokens(), r.cacheReadTokens(),
        r.cacheWriteTokens(), r.reasoningTokens(), r.requests(), r.records(), n(r.cost()), r.unpriced(), r.people(),
        r.activeDays())).toList();
  }

  static List<PersonStats> normPeople(List<PersonStats> rows) {
    return rows.stream().map(p -> new PersonStats(p.person(), p.tokens(), n(p.cost()), p.records(), p.activeDays(), p.tools(),
        p.models(), p.commits(), p.pullRequests(), p.linesAdded(), p.linesRemoved(), p.editsAccepted(), p.editsRejected(),
        p.activeSecondsUser(), p.activeSecondsAgent(), n(p.value()), p.rank())).toList();
  }

  static List<SessionRow> normSessions(List<SessionRow> rows) {
    return rows.stream().map(r -> new SessionRow(r.sessionId(), r.person(), r.tool(), r.start(), r.end(), r.model(), r.models(),
        r.requests(), r.records(), r.tokens(), n(r.cost()))).toList();
  }

  static List<IdentityUsage> normIds(List<IdentityUsage> rows) {
    return rows.stream().map(r -> new IdentityUsage(r.kind(), r.value(), r.tools(), r.records(), r.tokens(), n(r.cost()),
        r.firstSeen(), r.lastSeen())).toList();
  }

  static void shapes(SessionShapeStats a, SessionShapeStats b, String at) {
    assertThat(a.sessions()).as("sessions, %s", at).isEqualTo(b.sessions());
    stats(a.durationMinutes(), b.durationMinutes(), "duration, " + at);
    stats(a.tokens(), b.tokens(), "tokens, " + at);
    stats(a.requests(), b.requests(), "requests, " + at);
  }

  static void stats(SessionShapeStats.Stats a, SessionShapeStats.Stats b, String at) {
    assertThat(a.count()).as(at).isEqualTo(b.count());
    assertThat(a.histogram()).as("histogram " + at).isEqualTo(b.histogram());
    close(a.mean(), b.mean(), "mean " + at);
    for (int i = 0; i < a.percentiles().size(); i++) {
      Double x = a.percentiles().get(i);
      Double y = b.percentiles().get(i);
      if (x == null || y == null) assertThat(x).as("percentile %d %s", i, at).isEqualTo(y);
      else close(x, y, "percentile " + i + " " + at);
    }
  }

  static void close(double a, double b, String what) {
    assertThat(a).as(what).isCloseTo(b, within(1e-9 * Math.max(1, Math.abs(b))));
  }

  static void shares(List<SpendShareRow> a, List<SpendShareRow> b, String at) {
    List<SpendShareRow> x = new ArrayList<>(a);
    List<SpendShareRow> y = new ArrayList<>(b);
    x.sort(Comparator.comparing(SpendShareRow::key));
    y.sort(Comparator.comparing(SpendShareRow::key));
    assertThat(x.stream().map(SpendShareRow::key).toList()).as(at).isEqualTo(y.stream().map(SpendShareRow::key).toList());
    for (int i = 0; i < x.size(); i++) {
      SpendShareRow p = x.get(i);
      SpendShareRow q = y.get(i);
      assertThat(p.people()).as(at).isEqualTo(q.people());
      assertThat(n(p.spend())).as(at).isEqualTo(n(q.spend()));
      assertThat(n(p.loadedCost())).as(at).isEqualTo(n(q.loadedCost()));
      if (p.share() == null || q.share() == null) assertThat(p.share()).as(at).isEqualTo(q.share());
      else close(p.share(), q.share(), "share " + at);
    }
  }

  static Set<String> ids(List<Person> people) {
    Set<String> out = new HashSet<>();
    for (Person p : people) out.add(p.id());
    return out;
  }
}
