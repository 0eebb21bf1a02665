package io.tokenmaxx.analyze;

import io.tokenmaxx.analyze.page.DailyUsage;
import io.tokenmaxx.analyze.page.Distribution;
import io.tokenmaxx.analyze.page.MixRow;
import io.tokenmaxx.analyze.page.Percentile;
import io.tokenmaxx.analyze.page.TokenCounts;
import io.tokenmaxx.analyze.page.UsageSummary;
import io.tokenmaxx.analyze.page.Bucket;
import io.tokenmaxx.analyze.store.Histograms;
import io.tokenmaxx.analyze.store.SessionShapeStats;
import io.tokenmaxx.analyze.store.UsageRow;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Turns store rows into page rows: mixes with shares, timelines, summaries, distributions. */
final class Mixes {
  private Mixes() {}

  static final Comparator<MixRow> LARGEST_FIRST = Comparator
      .comparing((MixRow m) -> m.suppressed() ? 1 : 0)
      .thenComparing(m -> m.tokens() == null ? 0L : -m.tokens())
      .thenComparing(MixRow::key, Comparator.nullsLast(Comparator.naturalOrder()));

  /**
   * Rows of a one-key usage breakdown, largest first; rows {@code hidden} picks are suppressed
   * ({@link Privacy#rows}). Shares are of the whole table (suppressed rows included, so they add up).
   */
  static List<MixRow> mix(List<UsageRow> rows, java.util.function.Predicate<String> hidden, Function<String, String> label,
      Function<String, String> category) {
    long tokens = 0;
    BigDecimal cost = BigDecimal.ZERO;
    for (UsageRow r : rows) {
      tokens += r.totalTokens();
      cost = cost.add(r.cost());
    }
    List<MixRow> out = new ArrayList<>();
    for (UsageRow r : rows) {
      String key = r.key(0);
      String cat = category == null ? null : category.apply(key);
      if (hidden.test(key)) {
        out.add(new MixRow(key, label.apply(key), cat, null, null, null, null, null, null, true));
        continue;
      }
      // A row of models without a price has no known cost (null), never $0.
      boolean unpriced = r.records() > 0 && r.unpriced() >= r.records();
      out.add(new MixRow(key, label.apply(key), cat, r.totalTokens(), unpriced ? null : r.cost(), r.records(), r.people(),
          tokens == 0 ? 0.0 : r.totalTokens() / (double) tokens,
          unpriced || cost.signum() == 0 ? null : r.cost().divide(cost, MathContext.DECIMAL64).doubleValue(), false));
    }
    out.sort(LARGEST_FIRST);
    return out;
  }

  static String toolCategory(String tool) {
    return ToolCategory.of(tool).label();
  }

  static TokenCounts tokens(UsageRow r) {
    return r == null ? TokenCounts.ZERO : TokenCounts.of(r.inputTokens(), r.outputTokens(), r.cacheReadTokens(),
        r.cacheWriteTokens(), r.reasoningTokens());
  }

  static UsageSummary summary(UsageRow r, long sessions) {
    if (r == null) return new UsageSummary(TokenCounts.ZERO, BigDecimal.ZERO, 0, 0, 0, 0, 0, sessions);
    return new UsageSummary(tokens(r), r.cost(), r.records(), r.requests(), r.unpriced(), r.activeDays(),
        r.people(), sessions);
  }

  static UsageRow only(List<UsageRow> rows) {
    return rows.isEmpty() ? null : rows.getFirst();
  }

  static BigDecimal cost(UsageRow r) {
    return r == null ? BigDecimal.ZERO : r.cost();
  }

  static long totalTokens(UsageRow r) {
    return r == null ? 0 : r.totalTokens();
  }

  /** Rows keyed (DAY, TOOL) as a timeline. */
  static List<DailyUsage> daily(List<UsageRow> rows) {
    List<DailyUsage> out = new ArrayList<>();
    for (UsageRow r : rows) {
      out.add(new DailyUsage(LocalDate.parse(r.key(0)), r.key(1), r.totalTokens(), r.cost(), r.records()));
    }
    return out;
  }

  /**
   * Rows keyed (DAY, TOOL) as a weekly timeline (each row dated by its week's first day), leaving
   * out the tools {@code hidden} picks: the series a restricted viewer gets of a group, whose
   * figures are checked week by week (a day of a group can be a single person).
   */
  static List<DailyUsage> weekly(List<UsageRow> rows, Function<LocalDate, LocalDate> weekOf,
      java.util.function.Predicate<String> hidden) {
    java.util.Map<java.util.List<Object>, long[]> tokens = new java.util.LinkedHashMap<>();
    java.util.Map<java.util.List<Object>, BigDecimal> cost = new java.util.HashMap<>();
    for (UsageRow r : rows) {
      if (hidden.test(r.key(1))) continue;
      java.util.List<Object> key = java.util.Arrays.asList(weekOf.apply(LocalDate.parse(r.key(0))), r.key(1));
      long[] t = tokens.computeIfAbsent(key, x -> new long[2]);
      t[0] += r.totalTokens();
      t[1] += r.records();
      cost.merge(key, r.cost(), BigDecimal::add);
    }
    List<DailyUsage> out = new ArrayList<>();
    tokens.forEach((key, t) -> out.add(new DailyUsage((LocalDate) key.get(0), (String) key.get(1), t[0], cost.get(key), t[1])));
    out.sort(Comparator.comparing(DailyUsage::date).thenComparing(DailyUsage::tool, Comparator.nullsLast(Comparator.naturalOrder())));
    return out;
  }

  /** A distribution of values with histogram edges; suppressed when {@code hide}. */
  static Distribution distribution(String unit, SessionShapeStats.Stats s, double[] edges, boolean hide) {
    if (hide) return new Distribution(unit, null, null, null, null, true);
    List<Percentile> ps = new ArrayList<>();
    for (int i = 0; i < Histograms.PERCENTILES.size(); i++) {
      Double v = s.percentiles().get(i);
      if (v != null) ps.add(new Percentile(Histograms.PERCENTILES.get(i), v));
    }
    return new Distribution(unit, s.count(), s.count() == 0 ? null : s.mean(), ps, buckets(edges, s.histogram(), unit), false);
  }

  /** Histogram buckets with labels from the edges. */
  static List<Bucket> buckets(double[] edges, List<Long> counts, String unit) {
    List<Bucket> out = new ArrayList<>();
    for (int i = 0; i <= edges.length; i++) {
      Double from = i == 0 ? null : edges[i - 1];
      Double to = i == edges.length ? null : edges[i];
      out.add(new Bucket(label(from, to, unit), from, to, counts == null ? null : counts.get(i)));
    }
    return out;
  }

  private static String label(Double from, Double to, String unit) {
    boolean pct = unit.contains("share");
    Function<Double, String> f = v -> pct ? fmt(v * 100) + " %" : fmt(v);
    if (from == null) return "< " + f.apply(to);
    if (to == null) return ">= " + f.apply(from);
    return f.apply(from) + " - " + f.apply(to);
  }

  private static String fmt(double v) {
    if (v == Math.rint(v)) {
      long l = (long) v;
      if (l >= 1_000_000 && l % 1_000_000 == 0) return (l / 1_000_000) + "M";
      if (l >= 1_000 && l % 1_000 == 0) return (l / 1_000) + "k";
      return Long.toString(l);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** Median of doubles (interpolated), null when empty. */
  static Double median(List<Double> values) {
    if (values.isEmpty()) return null;
    double[] a = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return Histograms.percentile(a, 0.5);
  }

  /** Median of amounts: the middle one, or the mean of the two middle ones. */
  static BigDecimal medianMoney(List<BigDecimal> values) {
    if (values.isEmpty()) return null;
    List<BigDecimal> s = new ArrayList<>(values);
    s.sort(Comparator.naturalOrder());
    int n = s.size();
    if (n % 2 == 1) return s.get(n / 2);
    return s.get(n / 2 - 1).add(s.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
  }

  static Double ratio(long a, long b) {
    return b == 0 ? null : a / (double) b;
  }
}
