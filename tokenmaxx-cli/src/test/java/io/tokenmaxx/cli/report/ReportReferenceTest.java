package io.tokenmaxx.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.analyze.CostBasis;
import io.tokenmaxx.analyze.UsageAggregator;
import io.tokenmaxx.collect.local.LocalLogScanner;
import io.tokenmaxx.collect.local.ScanResult;
import io.tokenmaxx.storage.Dimension;
import io.tokenmaxx.storage.UsageAggregate;
import io.tokenmaxx.storage.UsageQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report's one-pass aggregation over the usage table must agree with the core reference
 * aggregator ({@link UsageAggregator}) on the same records: every period, every model, every sum.
 */
class ReportReferenceTest {
  static final String[] CLAUDE = {"claude-sonnet-4-5-20250929", "claude-opus-4-6", "claude-haiku-4-5-20251001", "claude-unknown-1"};
  static final String[] CODEX = {"gpt-5", "gpt-5.2-codex", "gpt-5-codex"};
  static final ZoneId[] ZONES = {ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"), ZoneId.of("America/Los_Angeles"), ZoneId.of("+05:30")};

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void agreesWithTheReferenceAggregator(long seed) throws IOException {
    Random r = new Random(seed);
    Logs logs = new Logs(dir);
    long start = Instant.parse("2026-03-20T00:00:00Z").toEpochMilli();
    for (int f = 0; f < 4; f++) {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String ts = Instant.ofEpochMilli(start + (long) (r.nextDouble() * 20 * 86_400_000L)).toString();
        lines.add(Logs.assistant("m" + f + "_" + i + "_" + r.nextInt(3), CLAUDE[r.nextInt(CLAUDE.length)], ts,
            r.nextInt(300_000), r.nextInt(5000), r.nextInt(250_000), r.nextInt(400_000),
            r.nextInt(10) == 0 ? ",\"costUSD\":0.01" : ""));
      }
      logs.claude("-w-p" + (f % 2), "s" + f, lines.toArray(new String[0]));
      List<String> codex = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        long t = start + (long) (r.nextDouble() * 20 * 86_400_000L);
        if (r.nextInt(5) == 0) codex.add(Logs.turnContext(Instant.ofEpochMilli(t).toString(), CODEX[r.nextInt(CODEX.length)]));
        long in = r.nextInt(200_000);
        long out = r.nextInt(8000);
        codex.add(Logs.tokenCount(Instant.ofEpochMilli(t).toString(), in, r.nextInt((int) in + 1), out, r.nextInt((int) out + 1)));
      }
      logs.codex("2026/03/2" + f + "/rollout-" + f + ".jsonl", codex.toArray(new String[0]));
    }
    ScanResult scan = LocalLogScanner.builder().claudeDirs(List.of(logs.claude)).codexHomes(List.of(logs.codex))
        .env(Map.of()).build().scan();
    ZoneId zone = ZONES[r.nextInt(ZONES.length)];
    CostBasis basis = CostBasis.values()[r.nextInt(CostBasis.values().length)];
    LocalDate since = r.nextBoolean() ? null : LocalDate.of(2026, 3, 22 + r.nextInt(5));
    LocalDate until = r.nextBoolean() ? null : LocalDate.of(2026, 4, 1 + r.nextInt(5));
    for (ReportKind kind : new ReportKind[] {ReportKind.DAILY, ReportKind.WEEKLY, ReportKind.MONTHLY, ReportKind.MODELS}) {
      Report report = ReportBuilder.build(kind, scan.table(), null, since, until, zone, DayOfWeek.MONDAY, basis, scan.stats());
      UsageQuery.Builder q = UsageQuery.builder().zone(zone).weekStart(DayOfWeek.MONDAY)
          .groupBy(kind == ReportKind.MODELS ? List.of(Dimension.MODEL) : List.of(kind.dimension, Dimension.MODEL));
      if (since != null) q.from(since.atStartOfDay(zone).toInstant());
      if (until != null) q.to(until.plusDays(1).atStartOfDay(zone).toInstant());
      UsageAggregator ref = new UsageAggregator(q.build(), basis);
      scan.records().forEach(ref::add);
      assertThat(cells(report)).as(kind + " " + zone + " " + basis).isEqualTo(reference(ref.result(), kind));
    }
  }

  static Map<String, String> cells(Report report) {
    Map<String, String> m = new TreeMap<>();
    for (Row row : report.rows()) {
      row.models.forEach((model, s) -> m.put(row.period + " " + model, s.input + "/" + s.output + "/" + s.reasoning + "/"
          + s.cacheRead + "/" + s.cacheWrite5m + "/" + s.cacheWrite1h + "/" + s.records + "/" + s.unpriced + "/"
          + s.cost().stripTrailingZeros().toPlainString()));
    }
    return m;
  }

  static Map<String, String> reference(List<UsageAggregate> result, ReportKind kind) {
    Map<String, String> m = new TreeMap<>();
    for (UsageAggregate a : result) {
      String key = kind == ReportKind.MODELS ? a.key().get(0) + " " + a.key().get(0) : a.key().get(0) + " " + a.key().get(1);
      m.put(key, a.inputTokens() + "/" + a.outputTokens() + "/" + a.reasoningTokens() + "/" + a.cacheReadTokens() + "/"
          + a.cacheWrite5mTokens() + "/" + a.cacheWrite1hTokens() + "/" + a.records() + "/" + a.unpricedRecords() + "/"
          + a.cost().stripTrailingZeros().toPlainString());
    }
    return m;
  }
}
