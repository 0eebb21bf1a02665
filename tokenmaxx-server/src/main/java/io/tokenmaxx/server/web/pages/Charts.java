package io.tokenmaxx.server.web.pages;

import io.tokenmaxx.analyze.page.Bucket;
import io.tokenmaxx.analyze.page.DailyUsage;
import io.tokenmaxx.analyze.page.MixRow;
import io.tokenmaxx.analyze.page.Period;
import io.tokenmaxx.server.web.Chart;
import io.tokenmaxx.server.web.Chart.Unit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The charts several pages share, built from the analytics records. */
final class Charts {
  static final int MAX_SERIES = 6;
  static final int MAX_BARS = 12;

  private Charts() {}

  /** Every day of the period as {@code yyyy-MM-dd}. */
  static List<String> days(Period p) {
    List<String> out = new ArrayList<>();
    for (LocalDate d = p.from(); !d.isAfter(p.to()); d = d.plusDays(1)) out.add(d.toString());
    return out;
  }

  /**
   * The x axis of a series: every day of the period, or its weeks when the series is weekly (what
   * viewers other than admins get of a group: every point falls on the weekday the period starts).
   */
  static List<String> axis(Period p, java.util.Collection<LocalDate> dates) {
    boolean weekly = p.days() > 7 && !dates.isEmpty()
        && dates.stream().allMatch(d -> java.time.temporal.ChronoUnit.DAYS.between(p.from(), d) % 7 == 0);
    if (!weekly) return days(p);
    List<String> out = new ArrayList<>();
    for (LocalDate d = p.from(); !d.isAfter(p.to()); d = d.plusWeeks(1)) out.add(d.toString());
    return out;
  }

  /** "per day" or "per week", as {@link #axis} chose. */
  static String step(Period p, List<String> axis) {
    return axis.size() == p.days() ? "per day" : "per week";
  }

  /** Tokens (or cost) per day (or week), stacked by tool; the smallest tools beyond six are "other". */
  static Chart timeline(Period period, List<DailyUsage> daily, boolean cost, String label) {
    List<String> x = axis(period, daily.stream().map(DailyUsage::date).toList());
    label = label.replace("per day", step(period, x));
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < x.size(); i++) index.put(x.get(i), i);
    Map<String, Double> totals = new HashMap<>();
    for (DailyUsage d : daily) totals.merge(tool(d), value(d, cost), Double::sum);
    List<String> tools = totals.keySet().stream()
        .sorted(Comparator.comparing((String t) -> -totals.get(t)).thenComparing(t -> t)).toList();
    List<String> shown = tools.size() <= MAX_SERIES ? tools : tools.subList(0, MAX_SERIES - 1);
    Map<String, double[]> series = new LinkedHashMap<>();
    for (String t : shown) series.put(t, new double[x.size()]);
    if (shown.size() < tools.size()) series.put("other", new double[x.size()]);
    for (DailyUsage d : daily) {
      Integer i = index.get(d.date().toString());
      if (i == null) continue;
      double[] s = series.getOrDefault(tool(d), series.get("other"));
      if (s != null) s[i] += value(d, cost);
    }
    Chart.Builder b = Chart.of("stacked", cost ? Unit.MONEY : Unit.TOKENS, label).x(x);
    series.forEach((name, values) -> b.series(name, boxed(values)));
    return b.build();
  }

  private static String tool(DailyUsage d) {
    return d.tool() == null ? "(none)" : d.tool();
  }

  private static double value(DailyUsage d, boolean cost) {
    return cost ? (d.cost() == null ? 0 : d.cost().doubleValue()) : d.tokens();
  }

  /** Horizontal bars of a mix (largest first, suppressed rows left out). */
  static Chart mix(List<MixRow> rows, boolean cost, String label) {
    List<MixRow> visible = rows.stream().filter(r -> !r.suppressed())
        .sorted(Comparator.comparing((MixRow r) -> -(cost ? dbl(r.cost()) : dbl(r.tokens())))).toList();
    if (visible.size() > MAX_BARS) visible = visible.subList(0, MAX_BARS);
    List<String> x = visible.stream().map(r -> r.label() == null ? "(none)" : r.label()).toList();
    List<Double> v = visible.stream().map(r -> cost ? dbl(r.cost()) : dbl(r.tokens())).toList();
    return Chart.of("hbar", cost ? Unit.MONEY : Unit.TOKENS, label).x(x).series(cost ? "Spend" : "Tokens", v)
        .build();
  }

  /** A histogram's bars; suppressed counts are gaps. */
  static Chart histogram(List<Bucket> buckets, String series, String label) {
    List<String> x = buckets.stream().map(Bucket::label).toList();
    List<Long> v = buckets.stream().map(Bucket::count).toList();
    return Chart.of("bar", Unit.COUNT, label).x(x).series(series, v).height("s").build();
  }

  static double dbl(Number n) {
    return n == null ? 0 : n.doubleValue();
  }

  static double dbl(BigDecimal n) {
    return n == null ? 0 : n.doubleValue();
  }

  static List<Double> boxed(double[] values) {
    List<Double> out = new ArrayList<>(values.length);
    for (double v : values) out.add(Math.round(v * 10_000) / 10_000.0);
    return out;
  }
}
