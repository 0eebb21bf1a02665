package io.tokenmaxx.analyze;

import io.tokenmaxx.analyze.page.MoneyTrend;
import io.tokenmaxx.analyze.page.Outcomes;
import io.tokenmaxx.analyze.page.PeerComparison;
import io.tokenmaxx.analyze.page.PersonPage;
import io.tokenmaxx.analyze.page.SpendShare;
import io.tokenmaxx.analyze.store.GroupKey;
import io.tokenmaxx.analyze.store.PersonStats;
import io.tokenmaxx.analyze.store.ReferenceAnalyticsStore;
import io.tokenmaxx.analyze.store.Scope;
import io.tokenmaxx.analyze.store.UsageRow;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.model.OutcomeKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/** Builds a person's page, and the parts the team page shares with it. */
final class PersonPages {
  static final int RECENT_SESSIONS = 20;

  private PersonPages() {}

  static PersonPage build(Request q, String personId) {
    Person p = q.people().get(personId);
    // Someone outside the viewer's scope is answered exactly like someone who does not exist.
    if (p == null || !q.viewer.canSee(personId)) throw new NoSuchElementException("no person with id '" + personId + "'");
    var store = q.service.store;
    Scope me = q.scope.withoutPeopleFilters().withPersons(Set.of(personId));
    Scope before = me.withRange(q.period.previousFrom(), q.period.previousTo());
    var nowRows = q.later(() -> store.usage(me, List.of()));
    var prevRows = q.later(() -> store.sums(before, List.of()));
    var shapes = q.later(() -> store.sessionShapes(me));
    var outcomeSums = q.later(() -> store.outcomes(me));
    var first = q.later(() -> store.firstUse(me));
    var mixes = q.later(() -> store.sumsBy(me, List.of(List.of(GroupKey.DAY, GroupKey.TOOL), List.of(GroupKey.TOOL),
        List.of(GroupKey.MODEL))));
    var daily = mixes.map(m -> m.get(0));
    var tools = mixes.map(m -> m.get(1));
    var models = mixes.map(m -> m.get(2));
    var sessions = q.later(() -> store.sessions(me, RECENT_SESSIONS));
    Set<String> team = p.team() == null ? Set.of() : idsWhere(q, x -> p.team().equals(x.team()));
    Set<String> role = p.role() == null ? Set.of() : idsWhere(q, x -> p.role().equals(x.role()));
    // The team's and the role's people in one pair of queries (a person's values do not depend on
    // who else is in the scope: same range and filters).
    boolean teamShown = shown(q, p.team(), team);
    boolean roleShown = shown(q, p.role(), role);
    Set<String> peerIds = new java.util.HashSet<>();
    if (teamShown) peerIds.addAll(team);
    if (roleShown) peerIds.addAll(role);
    Scope peerScope = q.scope.withoutPeopleFilters().withPersons(peerIds);
    var peerStats = peerIds.isEmpty() ? null : q.later(() -> store.people(peerScope, LeaderboardMeasure.TOKENS));
    var peerOutcomes = peerIds.isEmpty() ? null : q.later(() -> store.outcomesByPerson(peerScope));

    UsageRow now = Mixes.only(nowRows.get());
    UsageRow prev = Mixes.only(prevRows.get());
    Outcomes outcomes = outcomes(outcomeSums.get(), Mixes.totalTokens(now));
    // Loaded costs are salaries: an admin's, and one's own (RATIONALE.md, "Privacy model").
    boolean costShown = q.viewer.isAdmin() || q.viewer.isSelf(personId);
    SpendShare share = share(q, Mixes.cost(now), costShown ? p.annualLoadedCost() : null, false);
    if (!q.viewer.isSelf(personId)) q.audit(AuditEntry.VIEW, "person", personId, q.describe());
    return new PersonPage(q.period, q.ref(personId), p.role(), p.startDate(),
        first.get().get(personId), Mixes.summary(now, shapes.get().sessions()),
        MoneyTrend.of(Mixes.cost(now), Mixes.cost(prev)),
        Mixes.daily(daily.get()),
        Mixes.mix(tools.get(), q.privacy.forVisiblePerson(personId).rows(Disclosure.Dim.TOOL), k -> k, Mixes::toolCategory),
        Mixes.mix(models.get(), q.privacy.forVisiblePerson(personId).rows(Disclosure.Dim.MODEL), k -> k, null),
        sessions(q, sessions.get()), outcomes, share,
        List.of(peers("team", p.team(), team, teamShown, peerStats, peerOutcomes),
            peers("role", p.role(), role, roleShown, peerStats, peerOutcomes)));
  }

  static Set<String> idsWhere(Request q, java.util.function.Predicate<Person> test) {
    Set<String> out = new java.util.HashSet<>();
    for (Person x : q.people().values()) if (test.test(x) && q.started(x, q.filter.to())) out.add(x.id());
    return out;
  }

  static List<io.tokenmaxx.analyze.page.SessionSummary> sessions(Request q, List<io.tokenmaxx.analyze.store.SessionRow> rows) {
    List<io.tokenmaxx.analyze.page.SessionSummary> out = new ArrayList<>();
    for (var s : rows) {
      out.add(new io.tokenmaxx.analyze.page.SessionSummary(s.sessionId(),
          q.viewer.canSee(s.person()) ? s.person() : null, s.start(), s.end(),
          java.time.Duration.between(s.start(), s.end()).toSeconds(), s.tool(), s.model(), s.models(),
          s.requests(), s.tokens(), s.cost()));
    }
    return out;
  }

  static Outcomes outcomes(Map<OutcomeKind, Double> o, long tokens) {
    double commits = o.getOrDefault(OutcomeKind.COMMIT, 0.0);
    double prs = o.getOrDefault(OutcomeKind.PULL_REQUEST, 0.0);
    double units = commits + prs;
    return new Outcomes(commits, prs, o.getOrDefault(OutcomeKind.LINES_ADDED, 0.0),
        o.getOrDefault(OutcomeKind.LINES_REMOVED, 0.0), o.getOrDefault(OutcomeKind.EDIT_ACCEPTED, 0.0),
        o.getOrDefault(OutcomeKind.EDIT_REJECTED, 0.0), o.getOrDefault(OutcomeKind.ACTIVE_SECONDS_USER, 0.0),
        o.getOrDefault(OutcomeKind.ACTIVE_SECONDS_CLI, 0.0), units > 0 ? tokens / units : null);
  }

  static SpendShare share(Request q, BigDecimal spend, BigDecimal loaded, boolean suppressed) {
    double benchmark = q.service.settings.spendBenchmark();
    if (suppressed) return new SpendShare(null, null, null, null, benchmark, true);
    BigDecimal annual = spend.multiply(BigDecimal.valueOf(365)).divide(BigDecimal.valueOf(q.period.days()), MathContext.DECIMAL64);
    return new SpendShare(spend, annual, loaded, ReferenceAnalyticsStore.share(spend, loaded, q.period.days()),
        benchmark, false);
  }

  /**
   * Medians of a peer group over the period (everyone in the group counts, with zeros for people
   * without usage); withheld when the group is smaller than k.
   */
  /** Whether a peer group's medians may be shown: it exists, has people and is not below k. */
  static boolean shown(Request q, String group, Set<String> members) {
    return group != null && !members.isEmpty() && !q.privacy.hideGroup(members);
  }

  /** Medians of a peer group's per-person values, from stats and outcomes that cover its members. */
  static PeerComparison peers(String basis, String group, Set<String> members, boolean shown,
      Request.Later<List<PersonStats>> peerStats, Request.Later<Map<String, Map<OutcomeKind, Double>>> peerOutcomes) {
    if (!shown) {
      return new PeerComparison(basis, group, group == null ? null : members.size(), null, null, null, null, true);
    }
    Map<String, PersonStats> stats = new HashMap<>();
    for (PersonStats s : peerStats.get()) stats.put(s.person(), s);
    // Outcomes of peers without usage still count.
    Map<String, Map<OutcomeKind, Double>> outcomes = peerOutcomes.get();
    List<Double> tokens = new ArrayList<>();
    List<BigDecimal> cost = new ArrayList<>();
    List<Double> days = new ArrayList<>();
    List<Double> units = new ArrayList<>();
    for (String m : members) {
      PersonStats s = stats.get(m);
      tokens.add(s == null ? 0.0 : s.tokens());
      cost.add(s == null ? BigDecimal.ZERO : s.cost());
      days.add(s == null ? 0.0 : s.activeDays());
      Map<OutcomeKind, Double> o = outcomes.getOrDefault(m, Map.of());
      units.add(o.getOrDefault(OutcomeKind.COMMIT, 0.0) + o.getOrDefault(OutcomeKind.PULL_REQUEST, 0.0));
    }
    return new PeerComparison(basis, group, members.size(), Mixes.median(tokens), Mixes.medianMoney(cost),
        Mixes.median(days), Mixes.median(units), false);
  }

}
