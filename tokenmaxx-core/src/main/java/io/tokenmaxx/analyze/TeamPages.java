package io.tokenmaxx.analyze;

import io.tokenmaxx.analyze.page.MoneyTrend;
import io.tokenmaxx.analyze.page.Outcomes;
import io.tokenmaxx.analyze.page.PeerComparison;
import io.tokenmaxx.analyze.page.SpendShare;
import io.tokenmaxx.analyze.page.TeamPage;
import io.tokenmaxx.analyze.page.UsageSummary;
import io.tokenmaxx.analyze.store.GroupKey;
import io.tokenmaxx.analyze.store.PersonStats;
import io.tokenmaxx.analyze.store.Scope;
import io.tokenmaxx.analyze.store.UsageRow;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.Team;
import io.tokenmaxx.model.OutcomeKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/** Builds a team's page. */
final class TeamPages {
  private TeamPages() {}

  static TeamPage build(Request q, String teamId) {
    Team team = q.teams().get(teamId);
    Set<String> members = PersonPages.idsWhere(q, p -> teamId.equals(p.team()));
    if (team == null && members.isEmpty()) throw new NoSuchElementException("no team with id '" + teamId + "'");
    String department = team != null && team.department() != null ? team.department()
        : members.stream().map(m -> q.people().get(m).department()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    var store = q.service.store;
    Privacy group = q.privacy.forGroup(members, Disclosure.Dim.TEAM, teamId);
    boolean hide = q.privacy.hideGroup(members) || group.hidesPage();
    Scope scope = q.scope.withoutPeopleFilters().withPersons(members);
    var nowRows = hide ? null : q.later(() -> store.usage(scope, List.of()));
    var prevRows = hide ? null : q.later(() -> store.sums(scope.withRange(q.period.previousFrom(), q.period.previousTo()), List.of()));
    var shapes = hide ? null : q.later(() -> store.sessionShapes(scope));
    var outcomeSums = hide ? null : q.later(() -> store.outcomes(scope));
    var mixes = hide ? null : q.later(() -> store.sumsBy(scope, List.of(List.of(GroupKey.DAY, GroupKey.TOOL),
        List.of(GroupKey.TOOL), List.of(GroupKey.MODEL))));
    var daily = hide ? null : mixes.map(m -> m.get(0));
    var tools = hide ? null : mixes.map(m -> m.get(1));
    var models = hide ? null : mixes.map(m -> m.get(2));
    // The department's people once: the peer medians need them, and the members' rows are theirs.
    Set<String> dept = department == null ? Set.of()
        : PersonPages.idsWhere(q, p -> department.equals(p.department()) && p.team() != null);
    Map<String, Integer> heads = new HashMap<>();
    for (String id : dept) heads.merge(q.people().get(id).team(), 1, Integer::sum);
    boolean peersShown = department != null && !q.privacy.hideCount(dept.size() - members.size()) && heads.size() >= 2;
    Scope deptScope = q.scope.withoutPeopleFilters().withPersons(dept);
    var deptStats = peersShown ? q.later(() -> store.people(deptScope, LeaderboardMeasure.TOKENS)) : null;
    var deptOutcomes = peersShown ? q.later(() -> store.outcomesByPerson(deptScope)) : null;

    Set<String> visible = new HashSet<>();
    for (String m : members) if (q.viewer.canSee(m)) visible.add(m);
    List<TeamPage.Member> memberRows = new ArrayList<>();
    List<io.tokenmaxx.analyze.page.SessionSummary> sessions = List.of();
    if (!visible.isEmpty()) {
      Scope seen = scope.withPersons(visible);
      var seenSessions = q.later(() -> store.sessions(seen, PersonPages.RECENT_SESSIONS));
      // Same filters and range as the department's scope: a person's values are the same in both.
      boolean fromDept = peersShown && dept.containsAll(visible);
      var seenOutcomes = fromDept ? deptOutcomes : q.later(() -> store.outcomesByPerson(seen));
      Map<String, PersonStats> stats = new HashMap<>();
      for (PersonStats s : fromDept ? deptStats.get() : store.people(seen, LeaderboardMeasure.TOKENS)) {
        if (visible.contains(s.person())) stats.put(s.person(), s);
      }
      Map<String, Map<OutcomeKind, Double>> outcomes = seenOutcomes.get(); // read for visible members only
      for (String m : visible) {
        PersonStats s = stats.get(m);
        Map<OutcomeKind, Double> o = outcomes.getOrDefault(m, Map.of());
        memberRows.add(new TeamPage.Member(q.ref(m), s == null ? 0 : s.tokens(), s == null ? BigDecimal.ZERO : s.cost(),
            s == null ? 0 : s.activeDays(), s == null ? List.of() : s.tools(),
            o.getOrDefault(OutcomeKind.COMMIT, 0.0) + o.getOrDefault(OutcomeKind.PULL_REQUEST, 0.0)));
      }
      memberRows.sort(Comparator.comparingLong(TeamPage.Member::tokens).reversed()
          .thenComparing(m -> m.person().id()));
      sessions = PersonPages.sessions(q, seenSessions.get());
      boolean onlySelf = visible.size() == 1 && q.viewer.isSelf(visible.iterator().next());
      if (!onlySelf) q.audit(AuditEntry.VIEW, "team", null, "team " + teamId + ", " + visible.size() + " members, " + q.describe());
    }
    if (!q.privacy.open()) {
      // Only teams whose own figures may be shown enter the medians (a median is one team's value).
      Map<String, Set<String>> byTeam = new HashMap<>();
      for (String id : dept) byTeam.computeIfAbsent(q.people().get(id).team(), t -> new HashSet<>()).add(id);
      heads.keySet().removeIf(t -> q.privacy.hideGroup(byTeam.get(t))
          || q.privacy.forGroup(byTeam.get(t), Disclosure.Dim.TEAM, t).hidesPage());
    }
    PeerComparison peers = departmentPeers(department, heads, peersShown && heads.size() >= 2, deptStats, deptOutcomes, q);
    String name = q.teamName(teamId);
    if (hide) {
      return new TeamPage(q.period, teamId, name, department, members.size(), true, null, MoneyTrend.SUPPRESSED,
          List.of(), List.of(), List.of(), sessions, null, PersonPages.share(q, BigDecimal.ZERO, null, true),
          memberRows, peers);
    }
    UsageRow now = Mixes.only(nowRows.get());
    UsageRow prev = Mixes.only(prevRows.get());
    UsageSummary totals = Mixes.summary(now, shapes.get().sessions());
    Outcomes outcomes = PersonPages.outcomes(outcomeSums.get(), Mixes.totalTokens(now));
    BigDecimal loaded = null;
    for (String m : members) {
      BigDecimal c = q.people().get(m).annualLoadedCost();
      if (c != null) loaded = loaded == null ? c : loaded.add(c);
    }
    return new TeamPage(q.period, teamId, name, department, members.size(), false, totals,
        group.hidesPage(q.period.previousFrom(), q.period.previousTo()) ? new MoneyTrend(Mixes.cost(now), null, null)
            : MoneyTrend.of(Mixes.cost(now), Mixes.cost(prev)),
        group.open() ? Mixes.daily(daily.get()) : Mixes.weekly(daily.get(), q::weekOf, group.rows(Disclosure.Dim.TOOL)),
        Mixes.mix(tools.get(), group.rows(Disclosure.Dim.TOOL), k -> k, Mixes::toolCategory),
        Mixes.mix(models.get(), group.rows(Disclosure.Dim.MODEL), k -> k, null),
        sessions, outcomes, PersonPages.share(q, Mixes.cost(now), loaded, !q.viewer.isAdmin()), memberRows, peers);
  }

  /**
   * Median over the teams of the department of per-person values (tokens, cost, active days,
   * outcome units per head). Withheld unless the department's other teams have at least k people.
   */
  private static PeerComparison departmentPeers(String department, Map<String, Integer> heads, boolean shown,
      Request.Later<List<PersonStats>> deptStats, Request.Later<Map<String, Map<OutcomeKind, Double>>> deptOutcomes,
      Request q) {
    if (department == null) return new PeerComparison("department", null, null, null, null, null, null, true);
    if (!shown) return new PeerComparison("department", department, heads.size(), null, null, null, null, true);
    Map<String, double[]> perTeam = new HashMap<>();
    Map<String, BigDecimal> cost = new HashMap<>();
    for (PersonStats s : deptStats.get()) {
      String t = q.people().get(s.person()).team();
      double[] v = perTeam.computeIfAbsent(t, x -> new double[3]);
      v[0] += s.tokens();
      v[1] += s.activeDays();
      cost.merge(t, s.cost(), BigDecimal::add);
    }
    Map<String, Double> units = new HashMap<>();
    deptOutcomes.get().forEach((p, o) -> units.merge(q.people().get(p).team(),
        o.getOrDefault(OutcomeKind.COMMIT, 0.0) + o.getOrDefault(OutcomeKind.PULL_REQUEST, 0.0), Double::sum));
    List<Double> tokens = new ArrayList<>();
    List<BigDecimal> costs = new ArrayList<>();
    List<Double> days = new ArrayList<>();
    List<Double> outs = new ArrayList<>();
    heads.forEach((t, n) -> {
      double[] v = perTeam.getOrDefault(t, new double[3]);
      tokens.add(v[0] / n);
      days.add(v[1] / n);
      costs.add(cost.getOrDefault(t, BigDecimal.ZERO).divide(BigDecimal.valueOf(n), MathContext.DECIMAL64));
      outs.add(units.getOrDefault(t, 0.0) / n);
    });
    return new PeerComparison("department", department, heads.size(), Mixes.median(tokens), Mixes.medianMoney(costs),
        Mixes.median(days), Mixes.median(outs), false);
  }
}
