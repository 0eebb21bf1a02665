package io.tokenmaxx.bench.analytics;

import io.tokenmaxx.analyze.AnalyticsFilter;
import io.tokenmaxx.analyze.AnalyticsService;
import io.tokenmaxx.analyze.AnalyticsSettings;
import io.tokenmaxx.analyze.LeaderboardMeasure;
import io.tokenmaxx.analyze.LeaderboardMode;
import io.tokenmaxx.analyze.Pseudonyms;
import io.tokenmaxx.analyze.Viewer;
import io.tokenmaxx.demo.DemoOrganization;
import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.identity.Department;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.Team;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.duckdb.DuckDbStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The analytics pages at scale: a generated organization of ~100M usage records (the demo
 * generator at a higher intensity, loaded with the Appender straight into the record tables, then
 * the rollups built from them), every page under every filter combination and typical ranges
 * timed N times (p50/p95 per page and per store query), pages answered from the records instead
 * of the rollups (a zone with a half-hour offset) for the ratio, and the cost of keeping the
 * rollups at ingest. Run: {@code bench/analytics/run.sh [--people N] [--intensity X] [--runs N]}.
 */
public final class AnalyticsBench {
  static final LocalDate END = LocalDate.of(2026, 11, 20);
  static final ZoneId ZONE = ZoneId.of("America/New_York");

  public static void main(String[] args) throws Exception {
    Map<String, String> a = args(args);
    int people = Integer.parseInt(a.getOrDefault("people", "5000"));
    int weeks = Integer.parseInt(a.getOrDefault("weeks", "26"));
    double intensity = Double.parseDouble(a.getOrDefault("intensity", "2.4"));
    int runs = Integer.parseInt(a.getOrDefault("runs", "5"));
    String memory = a.getOrDefault("memory", "8GB");
    Path dir = Path.of(a.getOrDefault("dir", "bench/out/analytics"));
    Files.createDirectories(dir);
    Path db = dir.resolve(String.format(Locale.ROOT, "analytics-%d-%d-%s.duckdb", people, weeks, a.getOrDefault("intensity", "2.4")));
    DemoSpec spec = new DemoSpec(2026, people, weeks, END, ZONE, intensity, 0.03, DayOfWeek.FRIDAY);
    DemoOrganization org = DemoOrganization.generate(spec);
    StringBuilder report = new StringBuilder();
    report.append("Organization: ").append(people).append(" people, ").append(weeks).append(" weeks to ").append(END)
        .append(", demo intensity ").append(intensity).append(". Machine: ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores, DuckDB memory_limit ").append(memory).append(", 2 threads.\n\n");

    if (a.containsKey("fresh")) Files.deleteIfExists(db);
    if (!Files.exists(db)) {
      System.err.println("generating into " + db + " ...");
      try (DuckDbStorage s = DuckDbStorage.builder().path(db).memoryLimit(memory).threads(2).build()) {
        directory(s, org);
      }
      BulkLoad.Counts c = BulkLoad.load(db, spec, org, memory);
      report.append(String.format(Locale.ROOT, "Load: %,d usage and %,d outcome records generated and appended in %.0f s "
          + "(Appender straight into usage_record/outcome_record, primary key kept).%n", c.usage(), c.outcomes(), c.seconds()));
      try (DuckDbStorage s = DuckDbStorage.builder().path(db).memoryLimit(memory).threads(2).build()) {
        long t = System.nanoTime();
        s.rebuildAnalytics();
        report.append(String.format(Locale.ROOT, "Rollups built from the records (rebuildAnalytics) in %.0f s.%n",
            (System.nanoTime() - t) / 1e9));
      }
    }
    if (a.containsKey("rebuild") || rollupsMissing(db, memory)) { // asked for, or a load stopped before its rollups
      try (DuckDbStorage s = DuckDbStorage.builder().path(db).memoryLimit(memory).threads(2).build()) {
        long t = System.nanoTime();
        s.rebuildAnalytics();
        report.append(String.format(Locale.ROOT, "Rollups built from the records (rebuildAnalytics) in %.0f s.%n",
            (System.nanoTime() - t) / 1e9));
      }
    }
    report.append(sizes(db, memory)).append('\n');
    System.err.print(report);
    if (a.containsKey("load-only")) {
      System.out.println(report);
      return;
    }

    try (DuckDbStorage s = DuckDbStorage.builder().path(db).memoryLimit(memory).threads(2).build()) {
      report.append(queries(s, org, runs));
      if (!a.containsKey("skip-maintenance")) report.append(maintenance(s, org));
    }
    if (!a.containsKey("skip-ingest")) report.append(ingestCost(dir, memory));
    System.out.println(report);
  }

  static Map<String, String> args(String[] args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) throw new IllegalArgumentException("unexpected argument " + args[i]);
      String k = args[i].substring(2);
      if (java.util.Set.of("fresh", "load-only", "rebuild", "skip-maintenance", "skip-ingest").contains(k)) out.put(k, "true");
      else out.put(k, args[++i]);
    }
    return out;
  }

  static void directory(DuckDbStorage s, DemoOrganization org) {
    Map<String, Team> teams = new LinkedHashMap<>();
    Map<String, Department> depts = new LinkedHashMap<>();
    for (Person p : org.directory()) {
      if (p.department() != null) depts.putIfAbsent(p.department(), new Department(p.department(), p.department()));
      if (p.team() != null) teams.putIfAbsent(p.team(), new Team(p.team(), p.team(), p.department()));
    }
    s.directory().upsertDepartments(new ArrayList<>(depts.values()));
    s.directory().upsertTeams(new ArrayList<>(teams.values()));
    s.directory().upsertPeople(org.directory());
  }

  static boolean rollupsMissing(Path db, String memory) throws Exception {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("memory_limit", memory);
    p.setProperty("access_mode", "READ_ONLY");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), p); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM usage_hourly) = 0 AND EXISTS (SELECT 1 FROM usage_record)")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  static String sizes(Path db, String memory) throws Exception {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("memory_limit", memory);
    p.setProperty("access_mode", "READ_ONLY");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), p); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM usage_record), (SELECT COUNT(*) FROM usage_hourly), "
            + "(SELECT COUNT(*) FROM session_hourly), (SELECT COUNT(*) FROM outcome_record), (SELECT COUNT(*) FROM outcome_hourly)")) {
      rs.next();
      return String.format(Locale.ROOT, "Rows: usage_record %,d; usage_hourly %,d; session_hourly %,d; outcome_record %,d; "
          + "outcome_hourly %,d. Database file %,d MB.%n", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
          rs.getLong(5), Files.size(db) >> 20);
    }
  }

  /** Every page under every filter combination and range, N times. */
  static String queries(DuckDbStorage s, DemoOrganization org, int runs) {
    TimedStore store = new TimedStore(s.analytics());
    Clock clock = Clock.fixed(END.atTime(21, 0).atZone(ZONE).toInstant(), ZoneOffset.UTC);
    AnalyticsService service = AnalyticsService.builder().store(store).directory(s.directory())
        .settings(AnalyticsSettings.defaults(ZONE)).pseudonyms(new Pseudonyms("benchmark pseudonym key 0123456789".getBytes()))
        .prices(BenchPrices.CACHE).clock(clock).build();
    Viewer admin = Viewer.admin("bench", null, 5);
    Person someone = org.directory().stream().filter(p -> "Engineering".equals(p.department()) && p.manager() != null)
        .skip(7).findFirst().orElseThrow();
    String team = someone.team();
    Map<String, AnalyticsFilter.Builder> filters = new LinkedHashMap<>();
    filters.put("all", AnalyticsFilter.builder());
    filters.put("department", AnalyticsFilter.builder().department("Engineering"));
    filters.put("team", AnalyticsFilter.builder().team(team));
    filters.put("tool", AnalyticsFilter.builder().tool("claude-code"));
    filters.put("model", AnalyticsFilter.builder().model("claude-sonnet-4-6"));
    filters.put("department+tool", AnalyticsFilter.builder().department("Engineering").tools(java.util.Set.of("claude-code", "codex")));
    Map<String, Integer> ranges = new LinkedHashMap<>();
    ranges.put("7d", 7);
    ranges.put("28d", 28);
    ranges.put("90d", 90);
    Map<String, java.util.function.Function<AnalyticsFilter, Object>> pages = new LinkedHashMap<>();
    pages.put("overview", f -> service.overview(admin, f));
    pages.put("adoption", f -> service.adoption(admin, f));
    pages.put("leaderboard (tokens, pseudonymous)", f -> service.leaderboard(admin, f, LeaderboardMeasure.TOKENS, LeaderboardMode.PSEUDONYMOUS));
    pages.put("leaderboard (outcomes per token, named)", f -> service.leaderboard(admin, f, LeaderboardMeasure.OUTCOMES_PER_TOKEN, LeaderboardMode.NAMED));
    pages.put("person", f -> service.person(admin, someone.id(), f));
    pages.put("team", f -> service.team(admin, team, f));
    pages.put("spend", f -> service.spend(admin, f));
    pages.put("usage", f -> service.usage(admin, f));
    pages.put("unattributed", f -> service.unattributed(admin, f, 100));
    Timings byPage = new Timings();
    Timings byRange = new Timings();
    Timings worst = new Timings();
    for (int run = -1; run < runs; run++) {
      store.recording = run >= 0;
      for (var r : ranges.entrySet()) {
        for (var fl : filters.entrySet()) {
          AnalyticsFilter f = fl.getValue().from(END.minusDays(r.getValue() - 1)).to(END).zone(ZONE).build();
          for (var p : pages.entrySet()) {
            long t = System.nanoTime();
            p.getValue().apply(f);
            double ms = (System.nanoTime() - t) / 1e6;
            if (run < 0) continue;
            byPage.add(p.getKey(), ms);
            byRange.add(p.getKey() + ", " + r.getKey(), ms);
            worst.add(p.getKey() + " | " + r.getKey() + " | " + fl.getKey(), ms);
          }
        }
      }
      System.err.println("query run " + run + " done");
    }
    StringBuilder sb = new StringBuilder("\n### Pages (whole page: every store query it makes), admin viewer, org zone\n\n");
    sb.append(ranges.size() * filters.size()).append(" filter combinations per page (ranges ").append(ranges.keySet())
        .append(" x filters ").append(filters.keySet()).append("), ").append(runs).append(" timed runs after one warm-up.\n\n");
    sb.append(byPage.table("page"));
    sb.append("\n").append(byRange.table("page, range"));
    String slowest = worst.all().entrySet().stream()
        .max(java.util.Comparator.comparingDouble(e -> Timings.percentile(e.getValue(), 0.95)))
        .map(e -> String.format(Locale.ROOT, "%s (p95 %.0f ms)", e.getKey(), Timings.percentile(e.getValue(), 0.95))).orElse("");
    sb.append("\nSlowest page and filter combination: ").append(slowest).append("\n");
    sb.append("\n### Store queries (each one SQL statement)\n\n").append(store.timings.table("query"));

    // The same pages answered from the records: a zone with a half-hour offset cannot use hourly rollups.
    Timings base = new Timings();
    Timings rollup = new Timings();
    ZoneId kolkata = ZoneId.of("Asia/Kolkata");
    store.recording = false;
    for (int run = 0; run < 2; run++) {
      for (String page : List.of("overview", "leaderboard (tokens, pseudonymous)", "usage")) {
        AnalyticsFilter fr = AnalyticsFilter.builder().from(END.minusDays(27)).to(END).zone(ZONE).build();
        AnalyticsFilter fb = AnalyticsFilter.builder().from(END.minusDays(27)).to(END).zone(kolkata).build();
        rollup.add(page, time(() -> pages.get(page).apply(fr)));
        base.add(page, time(() -> pages.get(page).apply(fb)));
      }
    }
    sb.append("\n### Rollups vs records (28 days, all filters off; 2 runs)\n\n| page | rollups (America/New_York) ms | records (Asia/Kolkata) ms | ratio |\n|---|---:|---:|---:|\n");
    rollup.all().forEach((page, v) -> {
      double r = Timings.percentile(v, 0.5);
      double b = Timings.percentile(base.all().get(page), 0.5);
      sb.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.1fx |%n", page, r, b, b / r));
    });
    return sb.toString();
  }

  static double time(Supplier<Object> s) {
    long t = System.nanoTime();
    s.get();
    return (System.nanoTime() - t) / 1e6;
  }

  static double time(Runnable r) {
    long t = System.nanoTime();
    r.run();
    return (System.nanoTime() - t) / 1e6;
  }

  /** Records of a live day after the generated window, shaped like the demo's (ids unique per run). */
  static List<UsageRecord> live(DemoOrganization org, int n, long seed, Instant from, long spreadSeconds) {
    Random rnd = new Random(seed);
    String nonce = Long.toString(System.nanoTime(), 36);
    List<Person> people = org.directory();
    String[][] tools = {{"claude-code", "claude-sonnet-4-6", "anthropic"}, {"codex", "gpt-5.1-codex", "openai"},
        {"chat", "gpt-5.1", "openai"}, {"gemini-cli", "gemini-3-flash", "google"}};
    List<UsageRecord> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Person p = people.get(rnd.nextInt(people.size()));
      String[] t = tools[rnd.nextInt(tools.length)];
      UsageRecord r = UsageRecord.builder().id("bench-live:" + nonce + ":" + seed + ":" + i)
          .timestamp(from.plusSeconds((long) (rnd.nextDouble() * spreadSeconds))).source("ingest").tool(t[0]).model(t[1])
          .provider(t[2]).person(p.id()).identity(RawIdentity.email(p.email())).sessionId("live-" + p.id() + "-" + (i % 7))
          .inputTokens(500 + rnd.nextInt(3000)).outputTokens(200 + rnd.nextInt(1500)).cacheReadTokens(rnd.nextInt(40_000))
          .requests(1).build();
      out.add(r.toBuilder().computedCost(BenchPrices.cost(r)).build());
    }
    return out;
  }

  /** What keeping the rollups costs at ingest on the big store: batches through the consumer. */
  static String maintenance(DuckDbStorage s, DemoOrganization org) {
    Timings t = new Timings();
    Instant liveStart = END.plusDays(1).atStartOfDay(ZONE).toInstant();
    for (int b = 0; b < 10; b++) {
      List<UsageRecord> batch = live(org, 10_000, 100 + b, liveStart.plusSeconds(b * 600L), 600);
      t.add("new records, live (10 minutes of an hour), 10k per batch", time(() -> s.usageConsumer().accept(batch)));
      List<UsageRecord> grown = batch.stream().map(r -> r.toBuilder().outputTokens(r.outputTokens() + 10).build()).toList();
      t.add("re-sent ids (replace: touched hours recomputed), 10k per batch", time(() -> s.usageConsumer().accept(grown)));
      List<UsageRecord> late = live(org, 10_000, 200 + b, END.minusDays(30).atStartOfDay(ZONE).toInstant(), 30L * 86_400);
      t.add("late records spread over 30 days, 10k per batch", time(() -> s.usageConsumer().accept(late)));
    }
    return "\n### Keeping the rollups at ingest, on the big store (DuckDbStorage consumer, durable on return)\n\n"
        + t.table("batch") + "\nCompaction runs inside whichever batch pushes the appended rollup rows past 50,000 (that batch's time includes it).\n";
  }

  /** Ingest with and without rollup upkeep, on fresh stores, same records, same run. */
  static String ingestCost(Path dir, String memory) throws Exception {
    DemoSpec spec = new DemoSpec(7, 400, 8, END, ZONE, 1.0, 0.03, DayOfWeek.FRIDAY);
    DemoOrganization org = DemoOrganization.generate(spec);
    List<UsageRecord> records = new ArrayList<>();
    io.tokenmaxx.demo.DemoActivity act = new io.tokenmaxx.demo.DemoActivity(spec);
    for (var p : org.people()) {
      act.generate(p, new io.tokenmaxx.demo.DemoSink() {
        @Override public void usage(UsageRecord r) { records.add(r.toBuilder().computedCost(BenchPrices.cost(r)).build()); }
        @Override public void outcome(io.tokenmaxx.model.OutcomeRecord r) {}
      });
      if (records.size() >= 1_000_000) break;
    }
    List<UsageRecord> use = records.subList(0, Math.min(records.size(), 1_000_000));
    StringBuilder sb = new StringBuilder("\n### Ingest cost of the rollups (fresh stores, " + String.format(Locale.ROOT, "%,d", use.size())
        + " demo records, batches of 10k, same run)\n\n| store | new ids rec/s | re-sent ids rec/s |\n|---|---:|---:|\n");
    double[] base = null;
    for (boolean keep : new boolean[] {false, true}) {
      Path f = dir.resolve("ingest-" + keep + ".duckdb");
      Files.deleteIfExists(f);
      Files.deleteIfExists(dir.resolve("ingest-" + keep + ".duckdb.wal"));
      double fresh;
      double resent;
      try (DuckDbStorage s = DuckDbStorage.builder().path(f).memoryLimit(memory).threads(2).analyticsRollups(keep).build()) {
        s.check();
        fresh = rate(s, use);
        List<UsageRecord> grown = use.subList(0, use.size() / 4).stream()
            .map(r -> r.toBuilder().outputTokens(r.outputTokens() + 1).build()).toList();
        resent = rate(s, grown);
      }
      Files.deleteIfExists(f);
      Files.deleteIfExists(dir.resolve("ingest-" + keep + ".duckdb.wal"));
      if (base == null) base = new double[] {fresh, resent};
      sb.append(String.format(Locale.ROOT, "| %s | %,.0f (%.2f) | %,.0f (%.2f) |%n", keep ? "rollups kept (default)" : "no rollups (peer)",
          fresh, fresh / base[0], resent, resent / base[1]));
    }
    return sb.toString();
  }

  static double rate(DuckDbStorage s, List<UsageRecord> records) {
    long t = System.nanoTime();
    for (int i = 0; i < records.size(); i += 10_000) s.usageConsumer().accept(records.subList(i, Math.min(records.size(), i + 10_000)));
    return records.size() / ((System.nanoTime() - t) / 1e9);
  }
}
