package io.tokenmaxx.analyze;

import io.tokenmaxx.analyze.page.AdoptionPage;
import io.tokenmaxx.analyze.page.Bucket;
import io.tokenmaxx.analyze.page.GroupAdoption;
import io.tokenmaxx.analyze.page.MixRow;
import io.tokenmaxx.analyze.store.DepthRow;
import io.tokenmaxx.analyze.store.GroupKey;
import io.tokenmaxx.analyze.store.Histograms;
import io.tokenmaxx.analyze.store.PersonVariety;
import io.tokenmaxx.analyze.store.RetentionRow;
import io.tokenmaxx.analyze.store.Scope;
import io.tokenmaxx.analyze.store.UsageRow;
import io.tokenmaxx.identity.Person;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Builds the adoption page. */
final class AdoptionPages {
  private AdoptionPages() {}

  static AdoptionPage build(Request q) {
    var store = q.service.store;
    var settings = q.service.settings;
    LocalDate from = q.filter.from();
    LocalDate to = q.filter.to();
    Scope known = q.scope.onlyKnownPeople();
    LocalDate firstWeek = q.weekOf(from);
    LocalDate lastWeek = q.weekOf(to);
    Scope weeks = known.withRange(firstWeek, to);
    Scope window = known.withRange(to.minusDays(27), to);
    DepthThresholds t = settings.depth();
    var groups = q.later(() -> store.sumsBy(window, List.of(List.of(GroupKey.DEPARTMENT), List.of(GroupKey.TEAM))));
    var deptRows = groups.map(g -> g.get(0));
    var teamRows = groups.map(g -> g.get(1));
    var depthRowsLater = q.later(() -> store.depth(weeks, t));
    var knownSets = q.later(() -> store.sumsBy(known, List.of(List.of(GroupKey.DAY), List.of(GroupKey.TOOL),
        List.of(GroupKey.MODEL))));
    var dayRows = knownSets.map(k -> k.get(0));
    var retentionRows = q.later(() -> store.retention(weeks));
    var diversityPeople = q.later(() -> store.variety(known));
    var toolRows = knownSets.map(k -> k.get(1));
    var modelRows = knownSets.map(k -> k.get(2));
    Set<String> population = q.population(to);
    boolean hide = q.hidePopulation(population);
    List<String> joiners = joiners(q, population);
    var first = joiners.isEmpty() ? null : q.later(() -> store.firstUse(known));

    var pageSettings = new AdoptionPage.Settings(settings.breadthThreshold(), "active days per week",
        t.moderateFrom() == 2 ? "1" : "1-" + (t.moderateFrom() - 1),
        t.heavyFrom() - 1 == t.moderateFrom() ? Integer.toString(t.moderateFrom()) : t.moderateFrom() + "-" + (t.heavyFrom() - 1),
        t.heavyFrom() == 7 ? "7" : t.heavyFrom() + "+", q.privacy.k(), settings.weekStart().name().toLowerCase(java.util.Locale.ROOT));

    // Breadth over the 28 days ending on `to`.
    List<GroupAdoption> depts = OverviewPages.adoption(q, "department", Person::department, deptRows.get(),
        population, q::departmentName);
    List<GroupAdoption> teams = OverviewPages.adoption(q, "team", Person::team, teamRows.get(), population, q::teamName);
    var breadth = new AdoptionPage.Breadth(to.minusDays(27) + ".." + to, over(depts), shown(depts), over(teams),
        shown(teams), depts, teams);

    // Depth per week.
    Map<LocalDate, DepthRow> depthRows = new HashMap<>();
    for (DepthRow r : depthRowsLater.get()) depthRows.put(r.week(), r);
    List<AdoptionPage.WeekDepth> depth = new ArrayList<>();
    for (LocalDate w = firstWeek; !w.isAfter(lastWeek); w = w.plusWeeks(1)) {
      LocalDate end = w.plusDays(6).isAfter(to) ? to : w.plusDays(6);
      Set<String> pop = q.population(end);
      if (q.hidePopulation(pop)) {
        depth.add(new AdoptionPage.WeekDepth(w, null, null, null, null, null, true));
        continue;
      }
      DepthRow r = depthRows.getOrDefault(w, new DepthRow(w, 0, 0, 0));
      long active = r.light() + r.moderate() + r.heavy();
      depth.add(new AdoptionPage.WeekDepth(w, pop.size(), Math.max(0, pop.size() - active), r.light(),
          r.moderate(), r.heavy(), false));
    }

    // Active trends.
    Map<String, Long> perDay = new HashMap<>();
    for (UsageRow r : dayRows.get()) perDay.put(r.key(0), r.people());
    List<AdoptionPage.ActiveCount> daily = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      daily.add(new AdoptionPage.ActiveCount(d, hide ? null : perDay.getOrDefault(d.toString(), 0L), hide));
    }
    // A week's active people are its depth cohorts together (each counts people active that week).
    Map<String, Long> perWeek = new HashMap<>();
    for (DepthRow r : depthRows.values()) perWeek.put(r.week().toString(), r.light() + r.moderate() + r.heavy());
    List<AdoptionPage.ActiveCount> weekly = new ArrayList<>();
    for (LocalDate w = firstWeek; !w.isAfter(lastWeek); w = w.plusWeeks(1)) {
      weekly.add(new AdoptionPage.ActiveCount(w, hide ? null : perWeek.getOrDefault(w.toString(), 0L), hide));
    }

    return new AdoptionPage(q.period, pageSettings, breadth, depth, daily, weekly,
        retention(q, retentionRows.get(), lastWeek), timeToFirstUse(q, joiners, first == null ? Map.of() : first.get()),
        diversity(q, diversityPeople.get(), toolRows.get(), modelRows.get(), hide));
  }

  private static Integer over(List<GroupAdoption> rows) {
    int n = 0;
    for (GroupAdoption g : rows) if (!g.suppressed() && g.id() != null && Boolean.TRUE.equals(g.adopting())) n++;
    return n;
  }

  private static int shown(List<GroupAdoption> rows) {
    int n = 0;
    for (GroupAdoption g : rows) if (!g.suppressed() && g.id() != null) n++;
    return n;
  }

  private static List<AdoptionPage.RetentionCohort> retention(Request q, List<RetentionRow> rows, LocalDate lastWeek) {
    Map<LocalDate, Map<Integer, Long>> cohorts = new TreeMap<>();
    for (RetentionRow r : rows) {
      cohorts.computeIfAbsent(r.cohort(), c -> new HashMap<>()).put(r.offset(), r.people());
    }
    List<AdoptionPage.RetentionCohort> out = new ArrayList<>();
    cohorts.forEach((week, offsets) -> {
      long size = offsets.getOrDefault(0, 0L);
      if (size == 0) return;
      if (q.privacy.hideCount(size)) {
        out.add(new AdoptionPage.RetentionCohort(week, null, null, true));
        return;
      }
      int last = (int) (ChronoUnit.DAYS.between(week, lastWeek) / 7);
      List<Double> shares = new ArrayList<>();
      for (int o = 0; o <= last; o++) shares.add(offsets.getOrDefault(o, 0L) / (double) size);
      out.add(new AdoptionPage.RetentionCohort(week, size, shares, false));
    });
    return out;
  }

  /** People of the population whose start date is in the period, by id. */
  private static List<String> joiners(Request q, Set<String> population) {
    List<String> joiners = new ArrayList<>();
    for (String id : population) {
      LocalDate start = q.people().get(id).startDate();
      if (start != null && !start.isBefore(q.filter.from()) && !start.isAfter(q.filter.to())) joiners.add(id);
    }
    joiners.sort(Comparator.naturalOrder());
    return joiners;
  }

  private static AdoptionPage.TimeToFirstUse timeToFirstUse(Request q, List<String> joiners, Map<String, LocalDate> first) {
    LocalDate to = q.filter.to();
    List<Double> days = new ArrayList<>();
    List<AdoptionPage.Joiner> visible = new ArrayList<>();
    long[] hist = new long[Histograms.DAYS_TO_FIRST_USE.length + 1];
    for (String id : joiners) {
      LocalDate start = q.people().get(id).startDate();
      LocalDate fu = first.get(id);
      Integer d = null;
      if (fu != null && !fu.isAfter(to)) {
        d = (int) Math.max(0, ChronoUnit.DAYS.between(start, fu));
        days.add((double) d);
        hist[Histograms.bucket(Histograms.DAYS_TO_FIRST_USE, d)]++;
      } else {
        fu = null;
      }
      if (q.viewer.canSee(id)) visible.add(new AdoptionPage.Joiner(q.ref(id), start, fu, d));
    }
    if (q.privacy.hideGroup(joiners)) {
      return new AdoptionPage.TimeToFirstUse(joiners.size(), null, null, null,
          Mixes.buckets(Histograms.DAYS_TO_FIRST_USE, null, "days"), visible, true);
    }
    double[] sorted = days.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    List<Long> counts = new ArrayList<>();
    for (long c : hist) counts.add(c);
    return new AdoptionPage.TimeToFirstUse(joiners.size(), (long) days.size(),
        sorted.length == 0 ? null : Histograms.percentile(sorted, 0.5),
        sorted.length == 0 ? null : Histograms.percentile(sorted, 0.75),
        Mixes.buckets(Histograms.DAYS_TO_FIRST_USE, counts, "days"), visible, false);
  }

  private static AdoptionPage.Diversity diversity(Request q, List<PersonVariety> people, List<UsageRow> toolRows,
      List<UsageRow> modelRows, boolean hide) {
    long[] tools = new long[4];
    long[] models = new long[4];
    for (PersonVariety p : people) {
      tools[Math.min(p.tools(), 4) - 1]++;
      int m = p.models();
      models[m <= 1 ? 0 : m == 2 ? 1 : m <= 4 ? 2 : 3]++;
    }
    boolean hideCounts = hide || q.privacy.hideCount(people.size());
    List<Bucket> toolBuckets = List.of(
        new Bucket("1", 1.0, 2.0, hideCounts ? null : tools[0]), new Bucket("2", 2.0, 3.0, hideCounts ? null : tools[1]),
        new Bucket("3", 3.0, 4.0, hideCounts ? null : tools[2]), new Bucket("4+", 4.0, null, hideCounts ? null : tools[3]));
    List<Bucket> modelBuckets = List.of(
        new Bucket("1", 1.0, 2.0, hideCounts ? null : models[0]), new Bucket("2", 2.0, 3.0, hideCounts ? null : models[1]),
        new Bucket("3-4", 3.0, 5.0, hideCounts ? null : models[2]), new Bucket("5+", 5.0, null, hideCounts ? null : models[3]));
    List<MixRow> toolMix = Mixes.mix(toolRows, q.privacy.rows(Disclosure.Dim.TOOL), k -> k, Mixes::toolCategory);
    List<MixRow> modelMix = Mixes.mix(modelRows, q.privacy.rows(Disclosure.Dim.MODEL), k -> k, null);
    return new AdoptionPage.Diversity(toolBuckets, modelBuckets, toolMix, modelMix);
  }
}
