package io.tokenmaxx.server.plan;

import io.tokenmaxx.plan.Units;
import io.tokenmaxx.plan.capacity.Lengths;
import io.tokenmaxx.plan.capacity.ModelDemand;
import io.tokenmaxx.plan.capacity.Rates;
import io.tokenmaxx.storage.DemandStore;
import io.tokenmaxx.storage.DemandStore.MinuteUsage;
import io.tokenmaxx.storage.DemandStore.ModelUser;
import io.tokenmaxx.storage.DemandStore.RequestSizes;
import io.tokenmaxx.storage.Dimension;
import io.tokenmaxx.storage.ReferenceDemandStore;
import io.tokenmaxx.storage.UsageAggregate;
import io.tokenmaxx.storage.UsageQuery;
import io.tokenmaxx.storage.UsageStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The organization's demand profile from recorded usage: per model class, tokens/s at the busy
 * minutes (p50 / p95 / busiest over the minutes with any request), requests in flight (requests
 * per minute x mean latency, Little's law), prompt and answer lengths, cache share, and growth
 * against the window before. The sums and percentiles come from the store's SQL.
 */
public final class DemandProfiler {
  /** Days of the default window. */
  public static final int DEFAULT_DAYS = 28;
  /** Longest window accepted. */
  public static final int MAX_DAYS = 366;

  private final DemandStore demand;
  private final UsageStore usage;
  private final Clock clock;

  public DemandProfiler(DemandStore demand, UsageStore usage, Clock clock) {
    this.demand = demand;
    this.usage = usage;
    this.clock = clock;
  }

  /**
   * The demand of the {@code days} days up to now.
   *
   * @param minGroupSize classes used by fewer people are left out (listed in {@code hidden}); 0 or 1 shows all
   */
  public RecordedDemand profile(int days, ModelClasses classes, int minGroupSize) {
    return profile(days, classes, minGroupSize, person -> true);
  }

  /**
   * As above, counting toward k only the people {@code counts} accepts (those the caller cannot see
   * individually: records a member sends themselves must not lift a class over k).
   */
  public RecordedDemand profile(int days, ModelClasses classes, int minGroupSize,
      java.util.function.Predicate<String> counts) {
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ", was " + days);
    }
    Instant to = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    Instant from = to.minus(Duration.ofDays(days));
    Map<String, UsageAggregate> now = byModel(from, to);
    Map<String, UsageAggregate> before = byModel(from.minus(Duration.ofDays(days)), from);
    Map<String, String> groups = classes.map(now.keySet());
    List<String> unmatched = now.keySet().stream().filter(classes::unmatched).sorted().toList();

    Map<String, List<MinuteUsage>> minutes = new HashMap<>();
    for (MinuteUsage m : demand.minutes(from, to, groups)) minutes.computeIfAbsent(m.group(), g -> new ArrayList<>()).add(m);
    Map<String, RequestSizes> sizes = new HashMap<>();
    for (RequestSizes s : demand.requestSizes(from, to, groups)) sizes.put(s.group(), s);
    Map<String, Set<String>> people = new HashMap<>();
    for (ModelUser u : demand.users(from, to)) {
      people.computeIfAbsent(groups.getOrDefault(u.model(), u.model()), g -> new HashSet<>()).add(u.person());
    }

    double seconds = Duration.between(from, to).toSeconds();
    List<ClassDemand> out = new ArrayList<>();
    List<String> hidden = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (ModelClass c : classes.classes()) {
      List<MinuteUsage> ms = minutes.getOrDefault(c.name(), List.of());
      if (ms.isEmpty()) continue;
      int users = people.getOrDefault(c.name(), Set.of()).size();
      long counted = people.getOrDefault(c.name(), Set.of()).stream().filter(counts).count();
      if (minGroupSize > 1 && counted < minGroupSize) {
        hidden.add(c.name());
        continue;
      }
      TreeSet<String> models = new TreeSet<>();
      long prev = 0;
      boolean hadBefore = false;
      BigDecimal spend = BigDecimal.ZERO;
      for (Map.Entry<String, String> e : groups.entrySet()) {
        if (!e.getValue().equals(c.name())) continue;
        models.add(e.getKey());
        spend = spend.add(now.get(e.getKey()).cost());
      }
      for (Map.Entry<String, UsageAggregate> e : before.entrySet()) {
        if (classes.classOf(e.getKey()).equals(c.name())) {
          prev += e.getValue().totalTokens();
          hadBefore = true;
        }
      }
      out.add(classDemand(c, ms, sizes.get(c.name()), users, new ArrayList<>(models), hadBefore ? prev : null,
          spend, seconds, days, notes));
    }
    notes.add(String.format(Locale.ROOT, "Busy-minute rates are percentiles over the minutes of the last %d days "
        + "that had any request of the class; the mean is over every second of the window.", days));
    notes.add("Requests in flight per minute = requests in that minute x their mean reported latency / 60 s "
        + "(Little's law); minutes without a reported latency use the class's mean latency.");
    if (!hidden.isEmpty()) {
      notes.add("Classes used by fewer than " + minGroupSize + " people are not shown: " + String.join(", ", hidden) + ".");
    }
    if (!unmatched.isEmpty()) {
      notes.add("Models that matched no class were counted as " + classes.defaultClass() + ": "
          + String.join(", ", unmatched) + ".");
    }
    return new RecordedDemand(from, to, days, out, hidden, groups, unmatched, classes.source(), notes);
  }

  private Map<String, UsageAggregate> byModel(Instant from, Instant to) {
    Map<String, UsageAggregate> out = new TreeMap<>();
    for (UsageAggregate a : usage.aggregate(UsageQuery.builder().from(from).to(to).groupBy(Dimension.MODEL).build())) {
      out.put(a.key().get(0), a);
    }
    return out;
  }

  private static ClassDemand classDemand(ModelClass c, List<MinuteUsage> ms, RequestSizes sizes, int people,
      List<String> models, Long previous, BigDecimal spend, double seconds, int days, List<String> notes) {
    int n = ms.size();
    double[] in = new double[n];
    double[] out = new double[n];
    long prompt = 0;
    long cached = 0;
    long generated = 0;
    long requests = 0;
    long latency = 0;
    long timed = 0;
    for (int i = 0; i < n; i++) {
      MinuteUsage m = ms.get(i);
      in[i] = m.promptTokens() / 60.0;
      out[i] = m.generatedTokens() / 60.0;
      prompt += m.promptTokens();
      cached += m.cacheReadTokens();
      generated += m.generatedTokens();
      requests += m.requests();
      latency += m.latencyMillis();
      timed += m.timedRequests();
    }
    Rates concurrency = Rates.ZERO;
    if (timed > 0) {
      double meanLatency = (double) latency / timed;
      double[] c2 = new double[n];
      for (int i = 0; i < n; i++) {
        MinuteUsage m = ms.get(i);
        double perRequest = m.timedRequests() > 0 ? (double) m.latencyMillis() / m.timedRequests() : meanLatency;
        c2[i] = m.requests() * perRequest / 60_000.0;
      }
      concurrency = levels(c2);
    } else {
      notes.add(c.name() + ": no latency is recorded, so requests in flight are not a sizing constraint.");
    }
    long reqs = Math.max(1, requests);
    double meanPrompt = Math.max(1, (double) prompt / reqs);
    double meanGenerated = Math.max(1, (double) generated / reqs);
    double promptP95 = sizes == null ? meanPrompt : Math.max(meanPrompt, sizes.promptP95());
    double generatedP95 = sizes == null ? meanGenerated : Math.max(meanGenerated, sizes.generatedP95());
    double cacheShare = prompt == 0 ? 0 : Math.min(0.999, (double) cached / prompt);
    double growth = 0;
    long total = prompt + generated;
    if (previous != null && previous > 0 && total > 0) {
      growth = Math.pow((double) total / previous, (Units.SECONDS_PER_MONTH / 86_400.0) / days) - 1;
    }
    double perMonth = Units.SECONDS_PER_MONTH / seconds;
    ModelDemand d = new ModelDemand(c.name(), c.selfHostModel(), levels(in), levels(out), concurrency,
        new Lengths(meanPrompt, promptP95), new Lengths(meanGenerated, generatedP95), cacheShare, growth, c.apiModel(),
        prompt * perMonth, generated * perMonth);
    return new ClassDemand(c.name(), c.label(), models, people, requests, n, prompt, generated, prompt / seconds,
        generated / seconds, sizes == null ? meanPrompt : sizes.promptP50(), sizes == null ? meanGenerated : sizes.generatedP50(),
        requests == 0 ? 0 : (double) timed / requests, previous, spend, d);
  }

  /** p50, p95 and the maximum of per-minute values (continuous percentiles). */
  static Rates levels(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    double p50 = ReferenceDemandStore.percentile(sorted, 0.5);
    double p95 = Math.max(p50, ReferenceDemandStore.percentile(sorted, 0.95));
    return new Rates(p50, p95, Math.max(p95, sorted[sorted.length - 1]));
  }
}
