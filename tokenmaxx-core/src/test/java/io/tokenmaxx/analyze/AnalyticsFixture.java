package io.tokenmaxx.analyze;

import io.tokenmaxx.demo.DemoActivity;
import io.tokenmaxx.demo.DemoOrganization;
import io.tokenmaxx.demo.DemoPerson;
import io.tokenmaxx.demo.DemoSink;
import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.identity.Department;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.Team;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Test data for analytics: a generated demo organization and its records, priced with stand-in
 * per-model prices (not real ones), with a few twists the pages must handle — an unpriced model,
 * some records carrying only a source-reported cost, some records without a person (their
 * identities unknown), and people who joined during the window.
 */
public final class AnalyticsFixture {
  public static final ZoneId ZONE = ZoneId.of("America/New_York");

  public final DemoSpec spec;
  public final List<Person> people;
  public final List<Team> teams;
  public final List<Department> departments;
  public final List<UsageRecord> usage = new ArrayList<>();
  public final List<OutcomeRecord> outcomes = new ArrayList<>();

  /** Stand-in prices per million tokens: input, output, cache read, cache write. Null: unpriced. */
  static final Map<String, double[]> PRICES = Map.ofEntries(
      Map.entry("claude-sonnet-4-6", new double[] {3, 15, 0.3, 3.75}),
      Map.entry("claude-opus-4-7", new double[] {5, 25, 0.5, 6.25}),
      Map.entry("claude-haiku-4-5", new double[] {1, 5, 0.1, 1.25}),
      Map.entry("gpt-5.1-codex", new double[] {1.25, 10, 0.125, 0}),
      Map.entry("gpt-5.1", new double[] {1.25, 10, 0.125, 0}),
      Map.entry("gpt-5.1-codex-mini", new double[] {0.25, 2, 0.025, 0}),
      Map.entry("gemini-3-pro-preview", new double[] {2, 12, 0.2, 0}),
      Map.entry("gemini-3-flash", new double[] {0.5, 3, 0.05, 0}),
      Map.entry("gpt-5-mini", new double[] {0.25, 2, 0.025, 0}));

  private AnalyticsFixture(DemoSpec spec) {
    this.spec = spec;
    DemoOrganization org = DemoOrganization.generate(spec);
    this.people = org.directory();
    Map<String, Team> t = new LinkedHashMap<>();
    Map<String, Department> d = new LinkedHashMap<>();
    for (Person p : people) {
      if (p.department() != null) d.putIfAbsent(p.department(), new Department(p.department(), p.department()));
      if (p.team() != null) t.putIfAbsent(p.team(), new Team(p.team(), p.team(), p.department()));
    }
    this.teams = List.copyOf(t.values());
    this.departments = List.copyOf(d.values());
    DemoActivity activity = new DemoActivity(spec);
    SplittableRandom rnd = new SplittableRandom(spec.seed() * 7919);
    DemoSink sink = new DemoSink() {
      @Override
      public void usage(UsageRecord r) {
        usage.add(twist(r, rnd));
      }

      @Override
      public void outcome(OutcomeRecord r) {
        outcomes.add(r);
      }
    };
    for (DemoPerson p : org.people()) activity.generate(p, sink);
  }

  /** An organization of {@code people} over {@code weeks} weeks ending on {@code end}. */
  public static AnalyticsFixture generate(long seed, int people, int weeks, LocalDate end) {
    return new AnalyticsFixture(new DemoSpec(seed, people, weeks, end, ZONE, 1.0, 0.03, DayOfWeek.FRIDAY));
  }

  /** Prices the record and, for some, drops the person or the computed cost. */
  private static UsageRecord twist(UsageRecord r, SplittableRandom rnd) {
    UsageRecord.Builder b = r.toBuilder();
    BigDecimal cost = cost(r);
    b.computedCost(cost).priceRef(cost == null ? null : "stand-in");
    int roll = rnd.nextInt(100);
    if (r.tool().equals("claude-code") && roll < 15) {
      b.reportedCost(cost == null ? new BigDecimal("0.0125") : cost.multiply(new BigDecimal("1.01")));
      if (roll < 5) b.computedCost(null).priceRef(null);
    }
    // Some API keys are not known as anyone's alias yet.
    if (r.tool().equals("api") && r.person() != null && (r.person().hashCode() & 3) == 0) b.person(null);
    return b.build();
  }

  static BigDecimal cost(UsageRecord r) {
    double[] p = PRICES.get(r.model());
    if (p == null) return null;
    return perMillion(r.inputTokens(), p[0]).add(perMillion(r.outputTokens() + r.reasoningTokens(), p[1]))
        .add(perMillion(r.cacheReadTokens(), p[2])).add(perMillion(r.cacheWriteTokens(), p[3]));
  }

  private static BigDecimal perMillion(long tokens, double price) {
    return BigDecimal.valueOf(tokens).multiply(BigDecimal.valueOf(price)).movePointLeft(6);
  }

  /** Input and cache-read prices per token from the stand-in table. */
  public static final CachePrices CACHE_PRICES = (model, day) -> {
    double[] p = PRICES.get(model);
    if (p == null) return null;
    return new CachePrices.Rates(BigDecimal.valueOf(p[0]).movePointLeft(6), BigDecimal.valueOf(p[2]).movePointLeft(6), "stand-in");
  };

  public InMemoryDirectory directory() {
    return new InMemoryDirectory(people, teams, departments);
  }

  /** Everyone's settings: the fixture's zone, defaults otherwise. */
  public AnalyticsSettings settings() {
    return AnalyticsSettings.defaults(ZONE);
  }
}
