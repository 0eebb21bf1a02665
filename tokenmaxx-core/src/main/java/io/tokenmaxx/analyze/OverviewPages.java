package io.tokenmaxx.analyze;

import io.tokenmaxx.analyze.page.CountTrend;
import io.tokenmaxx.analyze.page.GroupAdoption;
import io.tokenmaxx.analyze.page.MoneyTrend;
import io.tokenmaxx.analyze.page.OverviewPage;
import io.tokenmaxx.analyze.page.PersonRef;
import io.tokenmaxx.analyze.page.UnattributedSummary;
import io.tokenmaxx.analyze.store.GroupKey;
import io.tokenmaxx.analyze.store.Scope;
import io.tokenmaxx.analyze.store.UnattributedTotals;
import io.tokenmaxx.analyze.store.UsageRow;
import io.tokenmaxx.identity.Person;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Builds the overview page. */
final class OverviewPages {
  private OverviewPages() {}

  static OverviewPage build(Request q) {
    var store = q.service.store;
    LocalDate to = q.filter.to();
    Scope known = q.scope.onlyKnownPeople();
    Scope prev = q.scope.withRange(q.period.previousFrom(), q.period.previousTo());
    Scope window = known.withRange(to.minusDays(27), to);
    var active7 = q.later(() -> store.sums(known.withRange(to.minusDays(6), to), List.of()));
    var active28 = q.later(() -> store.sums(window, List.of()));
    var activeNow = q.later(() -> store.sums(known, List.of()));
    var activeBefore = q.later(() -> store.sums(prev.onlyKnownPeople(), List.of()));
    var nowRows = q.later(() -> store.sums(q.scope, List.of()));
    var beforeRows = q.later(() -> store.sums(prev, List.of()));
    var byDept = q.later(() -> store.sums(window, List.of(GroupKey.DEPARTMENT)));
    var first = q.later(() -> store.firstUse(known));
    var unattributed = laterUnattributed(q);

    Set<String> population = q.population(to);
    boolean hide = q.hidePopulation(population);
    UsageRow now = Mixes.only(nowRows.get());
    UsageRow before = Mixes.only(beforeRows.get());
    List<GroupAdoption> byDepartment = adoption(q, "department", Person::department, byDept.get(), population,
        q::departmentName);
    OverviewPage.NewAdopters adopters = newAdopters(q, population, hide, first.get());
    if (hide) {
      return new OverviewPage(q.period, true, population.size(), null, null, null, CountTrend.SUPPRESSED,
          CountTrend.SUPPRESSED, MoneyTrend.SUPPRESSED, null, byDepartment, adopters, unattributed.get());
    }
    // Each figure is about its own range: shown only where that range's group may be shown.
    Privacy p = q.privacy;
    boolean hideNow = p.hidesPage();
    boolean hideTrend = hideNow || p.hidesPage(q.period.previousFrom(), q.period.previousTo());
    boolean hide7 = p.hidesPage(to.minusDays(6), to);
    boolean hide28 = p.hidesPage(to.minusDays(27), to);
    Long a28 = hide28 ? null : people(active28.get());
    return new OverviewPage(q.period, false, population.size(), hide7 ? null : people(active7.get()), a28,
        a28 == null ? null : Mixes.ratio(a28, population.size()),
        hideTrend ? CountTrend.SUPPRESSED : CountTrend.of(people(activeNow.get()), people(activeBefore.get())),
        hideTrend ? CountTrend.SUPPRESSED : CountTrend.of(Mixes.totalTokens(now), Mixes.totalTokens(before)),
        hideTrend ? MoneyTrend.SUPPRESSED : MoneyTrend.of(Mixes.cost(now), Mixes.cost(before)),
        hideNow ? null : now == null ? 0 : now.unpriced(),
        byDepartment, adopters, unattributed.get());
  }

  static long people(List<UsageRow> rows) {
    UsageRow r = Mixes.only(rows);
    return r == null ? 0 : r.people();
  }

  /**
   * Adoption per group of a partition (departments or teams) over {@code window}: headcount from
   * the population, active people from the store; small groups hidden, and then as many more as
   * keep the hidden ones from being the difference between the total and the shown ones.
   */
  static List<GroupAdoption> adoption(Request q, String kind, Function<Person, String> groupOf,
      List<UsageRow> activeByGroup, Set<String> population, Function<String, String> name) {
    Map<String, Set<String>> members = new HashMap<>();
    for (String id : population) {
      members.computeIfAbsent(groupOf.apply(q.people().get(id)), g -> new HashSet<>()).add(id);
    }
    Map<String, Long> active = new HashMap<>();
    for (UsageRow r : activeByGroup) active.put(r.key(0), r.people());
    double threshold = q.service.settings.breadthThreshold();
    // Teams sit in departments, whose figures are published as well.
    Set<String> hidden = kind.equals("team")
        ? q.privacy.hiddenParts(members, team -> departmentOfTeam(q, team, members.get(team)))
        : q.privacy.hiddenParts(members);
    List<GroupAdoption> out = new ArrayList<>();
    members.forEach((g, m) -> {
      if (hidden.contains(g)) {
        out.add(new GroupAdoption(kind, g, name.apply(g), null, null, null, null, true));
        return;
      }
      long a = active.getOrDefault(g, 0L);
      double rate = a / (double) m.size();
      out.add(new GroupAdoption(kind, g, name.apply(g), m.size(), a, rate, rate >= threshold, false));
    });
    out.sort(Comparator.comparing((GroupAdoption g) -> g.suppressed() ? 1 : 0)
        .thenComparing(g -> g.rate() == null ? 0 : -g.rate())
        .thenComparing(GroupAdoption::id, Comparator.nullsLast(Comparator.naturalOrder())));
    return out;
  }

  private static String departmentOfTeam(Request q, String team, Set<String> members) {
    io.tokenmaxx.identity.Team t = team == null ? null : q.teams().get(team);
    if (t != null && t.department() != null) return t.department();
    for (String m : members) {
      String d = q.people().get(m).department();
      if (d != null) return d;
    }
    return null;
  }

  private static OverviewPage.NewAdopters newAdopters(Request q, Set<String> population, boolean hide,
      Map<String, LocalDate> first) {
    LocalDate week = q.weekOf(q.filter.to());
    List<PersonRef> visible = new ArrayList<>();
    long count = 0;
    for (Map.Entry<String, LocalDate> e : first.entrySet()) {
      LocalDate d = e.getValue();
      if (!population.contains(e.getKey()) || d.isBefore(week) || d.isAfter(q.filter.to())) continue;
      count++;
      if (q.viewer.canSee(e.getKey())) visible.add(q.ref(e.getKey()));
    }
    visible.sort(Comparator.comparing(PersonRef::id));
    return new OverviewPage.NewAdopters(week, hide ? null : count, visible, hide);
  }

  /** Usage without a person (none when people are filtered: such records belong to no group), started now. */
  static Request.Later<UnattributedSummary> laterUnattributed(Request q) {
    return q.later(() -> {
      if (q.filter.narrowsPeople()) return new UnattributedSummary(0L, 0L, java.math.BigDecimal.ZERO, 0L, false);
      UnattributedTotals t = q.service.store.unattributedTotals(q.scope);
      if (t.identities() > 0 && q.privacy.hideCount(t.identities())) {
        return new UnattributedSummary(null, null, null, null, true);
      }
      return new UnattributedSummary(t.records(), t.tokens(), t.cost(), t.identities(), false);
    });
  }
}
