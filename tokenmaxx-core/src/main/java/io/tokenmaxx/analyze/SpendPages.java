package io.tokenmaxx.analyze;

import io.tokenmaxx.analyze.page.Distribution;
import io.tokenmaxx.analyze.page.MixRow;
import io.tokenmaxx.analyze.page.MoneyTrend;
import io.tokenmaxx.analyze.page.SpendPage;
import io.tokenmaxx.analyze.page.SpendShare;
import io.tokenmaxx.analyze.store.GroupKey;
import io.tokenmaxx.analyze.store.Histograms;
import io.tokenmaxx.analyze.store.ReferenceAnalyticsStore;
import io.tokenmaxx.analyze.store.Scope;
import io.tokenmaxx.analyze.store.SpendShareRow;
import io.tokenmaxx.analyze.store.UsageRow;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds the spend page. */
final class SpendPages {
  private SpendPages() {}

  static final String SAVINGS_METHOD = "for each model and day: cache-read tokens x (input price - cache-read price), "
      + "with the prices in force that day; models without a known price are listed, not counted";
  static final String SHARE_METHOD = "spend in the period x 365 / days in the period, divided by the annual loaded "
      + "cost (people: their own; teams: the sum over members); people without a loaded cost are left out";
  static final String FORECAST_METHOD = "month to date, plus for each remaining day of the month the average spend of "
      + "the same weekday over the 28 days ending on asOf (a 4-week run rate with weekday seasonality; for viewers other "
      + "than admins the four whole weeks before asOf's week)";

  static SpendPage build(Request q) {
    var store = q.service.store;
    Scope prev = q.scope.withRange(q.period.previousFrom(), q.period.previousTo());
    LocalDate asOf = q.filter.to();
    // The breakdowns of the scope in one scan (GROUPING SETS in a SQL store).
    var breakdowns = q.later(() -> store.sumsBy(q.scope, List.of(List.of(), List.of(GroupKey.DAY),
        List.of(GroupKey.MODEL), List.of(GroupKey.PROVIDER), List.of(GroupKey.TOOL), List.of(GroupKey.MODEL, GroupKey.DAY))));
    var nowRows = breakdowns.map(b -> b.get(0));
    var teamRows = q.later(() -> store.sums(q.scope.onlyKnownPeople(), List.of(GroupKey.TEAM)));
    var beforeRows = q.later(() -> store.sums(prev, List.of()));
    var dayRows = breakdowns.map(b -> b.get(1));
    var modelRows = breakdowns.map(b -> b.get(2));
    var providerRows = breakdowns.map(b -> b.get(3));
    var toolRows = breakdowns.map(b -> b.get(4));
    var savingsRows = breakdowns.map(b -> b.get(5));
    var personShares = q.later(() -> store.personSpendShares(q.scope));
    var teamShares = q.later(() -> store.teamSpendShares(q.scope));
    var mtdRows = q.later(() -> store.sums(q.scope.withRange(asOf.withDayOfMonth(1), asOf), List.of()));
    LocalDate[] rateWindow = rateWindow(q);
    var weekdayRows = q.later(() -> store.sums(q.scope.withRange(rateWindow[0], rateWindow[1]), List.of(GroupKey.DAY_OF_WEEK)));

    Set<String> population = q.population(q.filter.to());
    UsageRow now = Mixes.only(nowRows.get());
    boolean hide = q.hidePopulation(population) || q.privacy.hidesPage();
    List<MixRow> byTeam = teams(q, teamRows.get());
    if (hide) {
      return new SpendPage(q.period, true, MoneyTrend.SUPPRESSED, null, List.of(), List.of(), List.of(), byTeam,
          List.of(), null, null, null);
    }
    UsageRow before = Mixes.only(beforeRows.get());
    boolean hideTrend = q.privacy.hidesPage(q.period.previousFrom(), q.period.previousTo());
    List<SpendPage.DailySpend> daily = q.privacy.open() ? daily(q, dayRows.get()) : weekly(q, dayRows.get());
    return new SpendPage(q.period, false,
        hideTrend ? new MoneyTrend(Mixes.cost(now), null, null) : MoneyTrend.of(Mixes.cost(now), Mixes.cost(before)),
        now == null ? 0 : now.unpriced(),
        byCost(Mixes.mix(modelRows.get(), q.privacy.rows(Disclosure.Dim.MODEL), k -> k, null)),
        byCost(Mixes.mix(providerRows.get(), q.privacy.rows(Disclosure.Dim.PROVIDER), k -> k, null)),
        byCost(Mixes.mix(toolRows.get(), q.privacy.rows(Disclosure.Dim.TOOL), k -> k, Mixes::toolCategory)),
        byTeam, daily, savings(q, savingsRows.get()), loadedCost(q, personShares.get(), teamShares.get()),
        forecast(q, mtdRows.get(), weekdayRows.get()));
  }

  private static List<SpendPage.DailySpend> daily(Request q, List<UsageRow> rows) {
    List<SpendPage.DailySpend> daily = new ArrayList<>();
    Map<String, UsageRow> days = new HashMap<>();
    for (UsageRow r : rows) days.put(r.key(0), r);
    for (LocalDate d = q.filter.from(); !d.isAfter(q.filter.to()); d = d.plusDays(1)) {
      UsageRow r = days.get(d.toString());
      daily.add(new SpendPage.DailySpend(d, Mixes.cost(r), Mixes.totalTokens(r)));
    }
    return daily;
  }

  /**
   * Spend per week (dated by the week's first day, the first week from the range's start): what a
   * restricted viewer gets, since the disclosure rules check a group week by week.
   */
  private static List<SpendPage.DailySpend> weekly(Request q, List<UsageRow> rows) {
    Map<LocalDate, BigDecimal> cost = new TreeMap<>();
    Map<LocalDate, Long> tokens = new HashMap<>();
    for (LocalDate d = q.filter.from(); !d.isAfter(q.filter.to()); d = d.plusDays(1)) {
      LocalDate w = q.weekOf(d).isBefore(q.filter.from()) ? q.filter.from() : q.weekOf(d);
      cost.putIfAbsent(w, BigDecimal.ZERO);
      tokens.putIfAbsent(w, 0L);
    }
    for (UsageRow r : rows) {
      LocalDate d = LocalDate.parse(r.key(0));
      LocalDate w = q.weekOf(d).isBefore(q.filter.from()) ? q.filter.from() : q.weekOf(d);
      cost.merge(w, r.cost(), BigDecimal::add);
      tokens.merge(w, r.totalTokens(), Long::sum);
    }
    List<SpendPage.DailySpend> out = new ArrayList<>();
    cost.forEach((w, c) -> out.add(new SpendPage.DailySpend(w, c, tokens.get(w))));
    return out;
  }

  private static List<MixRow> byCost(List<MixRow> rows) {
    List<MixRow> out = new ArrayList<>(rows);
    out.sort(java.util.Comparator.comparing((MixRow m) -> m.suppressed() ? 1 : 0)
        .thenComparing(m -> m.cost() == null ? BigDecimal.ZERO : m.cost(), java.util.Comparator.reverseOrder())
        .thenComparing(MixRow::key, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
    return out;
  }

  /** Spend per team: a team is shown when the disclosure rules let its row be shown. */
  private static List<MixRow> teams(Request q, List<UsageRow> rows) {
    Set<String> population = q.population(q.filter.to());
    Map<String, Set<String>> members = new HashMap<>();
    for (String id : population) {
      String t = q.people().get(id).team();
      if (t != null) members.computeIfAbsent(t, x -> new java.util.HashSet<>()).add(id);
    }
    List<MixRow> mix = Mixes.mix(rows, k -> false, q::teamName, null);
    List<MixRow> out = new ArrayList<>();
    for (MixRow m : mix) {
      if (m.key() == null) continue;
      Set<String> team = members.getOrDefault(m.key(), Set.of());
      if (q.privacy.hideGroup(team) || q.privacy.hidesRow(Disclosure.Dim.TEAM, m.key())) {
        out.add(new MixRow(m.key(), m.label(), null, null, null, null, null, null, null, true));
      } else {
        out.add(m);
      }
    }
    return byCost(out);
  }

  private static SpendPage.CacheSavings savings(Request q, List<UsageRow> rows) {
    Map<String, long[]> tokens = new TreeMap<>();
    Map<String, BigDecimal> saved = new HashMap<>();
    Set<String> unpriced = new TreeSet<>();
    long total = 0;
    BigDecimal sum = BigDecimal.ZERO;
    for (UsageRow r : rows) {
      if (r.cacheReadTokens() == 0) continue;
      String model = r.key(0);
      total += r.cacheReadTokens();
      // A model hidden in the spend table counts in the totals but is not listed.
      boolean listed = !q.privacy.hidesRow(Disclosure.Dim.MODEL, model);
      if (listed) tokens.computeIfAbsent(model, m -> new long[1])[0] += r.cacheReadTokens();
      CachePrices.Rates rates = q.service.prices.rates(model, LocalDate.parse(r.key(1)));
      if (rates == null) {
        if (listed) unpriced.add(model);
        continue;
      }
      BigDecimal s = rates.input().subtract(rates.cacheRead()).multiply(BigDecimal.valueOf(r.cacheReadTokens()));
      if (listed) saved.merge(model, s, BigDecimal::add);
      sum = sum.add(s);
    }
    List<SpendPage.ModelSavings> byModel = new ArrayList<>();
    tokens.forEach((m, t) -> byModel.add(new SpendPage.ModelSavings(m, t[0], saved.get(m))));
    byModel.sort(java.util.Comparator.comparingLong(SpendPage.ModelSavings::cacheReadTokens).reversed()
        .thenComparing(SpendPage.ModelSavings::model));
    return new SpendPage.CacheSavings(total, sum, SAVINGS_METHOD, byModel, List.copyOf(unpriced));
  }

  private static SpendPage.LoadedCost loadedCost(Request q, List<SpendShareRow> personShares,
      List<SpendShareRow> teamRows) {
    double benchmark = q.service.settings.spendBenchmark();
    List<Double> shares = new ArrayList<>();
    long above = 0;
    for (SpendShareRow r : personShares) {
      if (r.share() == null) continue;
      shares.add(r.share());
      if (r.share() >= benchmark) above++;
    }
    boolean hidePeople = q.privacy.hideCount(shares.size());
    Distribution people = distribution(shares, hidePeople);
    List<SpendPage.TeamShare> teams = new ArrayList<>();
    List<Double> teamShares = new ArrayList<>();
    for (SpendShareRow r : teamRows) {
      Set<String> members = PersonPages.idsWhere(q, p -> r.key().equals(p.team()) && q.matchesPeopleFilter(p));
      // Loaded costs are salaries: per group, admins only (RATIONALE.md, "Privacy model").
      boolean hide = !q.viewer.isAdmin();
      SpendShare share = hide ? PersonPages.share(q, BigDecimal.ZERO, null, true)
          : new SpendShare(r.spend(), r.spend().multiply(BigDecimal.valueOf(365))
              .divide(BigDecimal.valueOf(q.period.days()), MathContext.DECIMAL64), r.loadedCost(), r.share(), benchmark, false);
      teams.add(new SpendPage.TeamShare(r.key(), q.teamName(r.key()), hide ? null : r.people(), share));
      if (r.share() != null) teamShares.add(r.share());
    }
    return new SpendPage.LoadedCost(benchmark, SHARE_METHOD, people, hidePeople ? null : above, teams,
        distribution(teamShares, !q.viewer.isAdmin()));
  }

  private static Distribution distribution(List<Double> values, boolean hide) {
    double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
    return Mixes.distribution("share of annual loaded cost", ReferenceAnalyticsStore.stats(a, Histograms.LOADED_COST_SHARE),
        Histograms.LOADED_COST_SHARE, hide);
  }

  /**
   * The four weeks the weekday rates come from: the 28 days ending on asOf, or for a restricted
   * viewer the four whole weeks before asOf's week (a window starting mid-week would differ from
   * the page's whole-week figures by a few days of the group).
   */
  static LocalDate[] rateWindow(Request q) {
    LocalDate asOf = q.filter.to();
    if (q.privacy.open()) return new LocalDate[] {asOf.minusDays(27), asOf};
    LocalDate week = q.weekOf(asOf);
    return new LocalDate[] {week.minusWeeks(4), week.minusDays(1)};
  }

  private static SpendPage.Forecast forecast(Request q, List<UsageRow> mtdRows, List<UsageRow> weekdayRows) {
    LocalDate asOf = q.filter.to();
    LocalDate monthEnd = YearMonth.from(asOf).atEndOfMonth();
    UsageRow mtd = Mixes.only(mtdRows);
    BigDecimal[] perWeekday = new BigDecimal[7];
    java.util.Arrays.fill(perWeekday, BigDecimal.ZERO);
    for (UsageRow r : weekdayRows) {
      int dow = Integer.parseInt(r.key(0));
      perWeekday[dow - 1] = r.cost().divide(BigDecimal.valueOf(4), MathContext.DECIMAL64);
    }
    BigDecimal rest = BigDecimal.ZERO;
    for (LocalDate d = asOf.plusDays(1); !d.isAfter(monthEnd); d = d.plusDays(1)) {
      rest = rest.add(perWeekday[d.getDayOfWeek().getValue() - 1]);
    }
    BigDecimal monthToDate = Mixes.cost(mtd);
    LocalDate[] window = rateWindow(q);
    if (q.privacy.hidesPage(asOf.withDayOfMonth(1), asOf) || q.privacy.hidesPage(window[0], window[1])) {
      return new SpendPage.Forecast(YearMonth.from(asOf).toString(), asOf, null, null, List.of(), FORECAST_METHOD);
    }
    if (!q.privacy.open()) {
      // A weekday of a group over four weeks can be one or two people: only the totals.
      return new SpendPage.Forecast(YearMonth.from(asOf).toString(), asOf, monthToDate, monthToDate.add(rest), List.of(),
          FORECAST_METHOD);
    }
    return new SpendPage.Forecast(YearMonth.from(asOf).toString(), asOf, monthToDate, monthToDate.add(rest),
        List.of(perWeekday), FORECAST_METHOD);
  }
}
