package io.tokenmaxx.analyze;

import io.tokenmaxx.analyze.page.Leaderboard;
import io.tokenmaxx.analyze.page.LeaderboardRow;
import io.tokenmaxx.analyze.page.Outcomes;
import io.tokenmaxx.analyze.store.PersonStats;
import io.tokenmaxx.identity.Person;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds leaderboards: ranks from the store, names only where the viewer may see them. */
final class LeaderboardPages {
  private LeaderboardPages() {}

  private static final double[] BAND_EDGES = {0.10, 0.25, 0.50, 0.75, 1.0};
  private static final String[] BAND_LABELS = {"top 10 %", "10-25 %", "25-50 %", "50-75 %", "bottom 25 %"};

  static Leaderboard build(Request q, LeaderboardMeasure measure, LeaderboardMode mode,
      List<LeaderboardAdjustment> adjustments) {
    List<PersonStats> ranked = q.service.store.people(q.scope.onlyKnownPeople(), measure);
    for (LeaderboardAdjustment a : adjustments) {
      List<PersonStats> adjusted = a.adjust(ranked, q.period);
      ranked = a.ranksItself() ? adjusted : LeaderboardAdjustment.rerank(adjusted);
    }
    List<String> applied = adjustments.stream().map(LeaderboardAdjustment::key).toList();
    List<String> ids = ranked.stream().map(PersonStats::person).toList();
    // A group's ranking adds up to the group's figures: suppressed by the same rules.
    boolean suppressed = q.privacy.hideGroup(ids) || q.hidePopulation(q.population(q.filter.to())) || q.privacy.hidesPage();
    var columns = new ArrayList<ContextColumn>();
    for (LeaderboardContextProvider p : q.service.contextProviders) columns.addAll(p.columns());
    if (suppressed) {
      return new Leaderboard(q.period, measure.label(), mode.label(), true, ranked.size(), columns, List.of(),
          List.of(), null, applied);
    }
    // By rank, not by value: after an adjustment (flagged people ranked last) a demoted person's
    // percentile follows the place they are shown at. Without one the two are the same (RANK()).
    int[] ascending = ranked.stream().mapToInt(PersonStats::rank).map(r -> -r).sorted().toArray();

    List<PersonStats> shown = new ArrayList<>();
    PersonStats mine = null;
    for (PersonStats s : ranked) {
      boolean isSelf = q.viewer.isSelf(s.person());
      if (isSelf) mine = s;
      if (mode != LeaderboardMode.BANDS) shown.add(s);
    }
    // Context columns (check-ins, streaks, flags) only beside names: beside a pseudonym they are a
    // key to the named check-in feed (RATIONALE.md, "Privacy model").
    List<String> asked = new ArrayList<>();
    for (PersonStats s : shown) if (named(q, mode, s.person())) asked.add(s.person());
    if (mine != null && mode == LeaderboardMode.BANDS) asked.add(mine.person());
    Map<String, Map<String, Object>> context = context(q, asked);
    String view = view(q, measure, mode, applied);
    List<LeaderboardRow> rows = new ArrayList<>();
    int named = 0;
    for (PersonStats s : shown) {
      boolean isSelf = q.viewer.isSelf(s.person());
      boolean showName = named(q, mode, s.person());
      if (showName && !isSelf) named++;
      rows.add(row(q, view, s, showName, isSelf, percentile(ascending, -s.rank()),
          context.getOrDefault(s.person(), Map.of())));
    }
    LeaderboardRow self = mine == null ? null : row(q, view, mine, true, true,
        percentile(ascending, -mine.rank()), context.getOrDefault(mine.person(), Map.of()));
    if (named > 0) {
      q.audit(AuditEntry.VIEW, "leaderboard", null, measure.label() + " " + mode.label() + ", " + named
          + " people named, " + q.describe());
    }
    return new Leaderboard(q.period, measure.label(), mode.label(), false, ranked.size(), columns, rows,
        bands(q, ranked), self, applied);
  }

  /** Share of ranked people at or below a place: {@code ascending} holds the negated ranks, sorted. */
  static double percentile(int[] ascending, int v) {
    int lo = 0, hi = ascending.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ascending[mid] <= v) lo = mid + 1; else hi = mid;
    }
    return ascending.length == 0 ? 0 : lo / (double) ascending.length;
  }

  private static boolean named(Request q, LeaderboardMode mode, String person) {
    return q.viewer.isSelf(person) || (mode == LeaderboardMode.NAMED && q.viewer.canSee(person));
  }

  /** What a pseudonym holds for: this viewer, range, filters, ranking and adjustments. */
  private static String view(Request q, LeaderboardMeasure measure, LeaderboardMode mode, List<String> applied) {
    return q.viewer.subject() + "|" + q.describe() + "|" + measure.label() + "|" + mode.label() + "|" + applied;
  }

  private static LeaderboardRow row(Request q, String view, PersonStats s, boolean named, boolean self, double percentile,
      Map<String, Object> context) {
    Person p = q.people().get(s.person());
    double units = s.outcomeUnits();
    Outcomes o = new Outcomes(s.commits(), s.pullRequests(), s.linesAdded(), s.linesRemoved(), s.editsAccepted(),
        s.editsRejected(), s.activeSecondsUser(), s.activeSecondsAgent(), units > 0 ? s.tokens() / units : null);
    return new LeaderboardRow(s.rank(), named ? s.person() : null, named && p != null ? p.name() : null,
        named ? null : q.service.pseudonyms.of(view, s.person()), self, named && p != null ? p.team() : null,
        named && p != null ? p.department() : null, s.value(), s.tokens(), s.cost(), s.activeDays(), s.tools(),
        s.models(), o, percentile, Map.copyOf(context));
  }

  /** The context providers' values for exactly these people, merged per person. */
  private static Map<String, Map<String, Object>> context(Request q, List<String> people) {
    Map<String, Map<String, Object>> values = new HashMap<>();
    if (q.service.contextProviders.isEmpty() || people.isEmpty()) return values;
    for (LeaderboardContextProvider p : q.service.contextProviders) {
      p.values(people, q.period).forEach((person, cols) -> {
        Map<String, Object> m = values.computeIfAbsent(person, x -> new LinkedHashMap<>());
        cols.forEach((k, v) -> { if (v != null) m.put(k, v); });
      });
    }
    return values;
  }

  private static List<Leaderboard.Band> bands(Request q, List<PersonStats> ranked) {
    int n = ranked.size();
    int[] count = new int[BAND_EDGES.length];
    BigDecimal[] min = new BigDecimal[BAND_EDGES.length];
    BigDecimal[] max = new BigDecimal[BAND_EDGES.length];
    for (int i = 0; i < n; i++) {
      double top = (i + 1) / (double) n;
      int b = 0;
      while (b < BAND_EDGES.length - 1 && top > BAND_EDGES[b]) b++;
      BigDecimal v = ranked.get(i).value();
      count[b]++;
      if (min[b] == null || v.compareTo(min[b]) < 0) min[b] = v;
      if (max[b] == null || v.compareTo(max[b]) > 0) max[b] = v;
    }
    List<Leaderboard.Band> out = new ArrayList<>();
    for (int b = 0; b < BAND_EDGES.length; b++) {
      boolean hide = q.privacy.hideCount(count[b]);
      out.add(new Leaderboard.Band(BAND_LABELS[b], b == 0 ? 0 : BAND_EDGES[b - 1], BAND_EDGES[b], count[b],
          hide ? null : min[b], hide ? null : max[b]));
    }
    return out;
  }

}
