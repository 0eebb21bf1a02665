package io.tokenmaxx.server.demo;

import io.tokenmaxx.demo.DemoOrganization;
import io.tokenmaxx.demo.DemoPerson;
import io.tokenmaxx.demo.Persona;
import io.tokenmaxx.importer.PrecedenceReconciler;
import io.tokenmaxx.importer.SourcePrecedence;
import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.Sources;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.pipeline.Pipeline;
import io.tokenmaxx.pipeline.RecordBatch;
import io.tokenmaxx.storage.StorageComponent;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The demo organization's vendor-sourced usage, stored the way the importers store it: some people
 * who never set up an agent's telemetry are seen only through Cursor's usage events or Anthropic's
 * Claude Code Analytics report, and some who did also appear in the report, which then adds only
 * what their telemetry missed (source precedence). Deterministic for a spec's seed.
 */
final class DemoVendorUsage {
  /** What was stored: vendor-only people, their records, and people in both telemetry and a report. */
  record Loaded(int vendorOnlyPeople, int overlappingPeople, long usageRecords, long outcomeRecords) {}

  private final StorageComponent store;
  private final Pipeline pipeline;

  DemoVendorUsage(StorageComponent store, Pipeline pipeline) {
    this.store = store;
    this.pipeline = pipeline;
  }

  Loaded load(DemoOrganization org) {
    var spec = org.spec();
    SplittableRandom rnd = new SplittableRandom(spec.seed() ^ 0x7e4d0);
    List<UsageRecord> events = new ArrayList<>();
    List<UsageRecord> daily = new ArrayList<>();
    List<OutcomeRecord> outcomes = new ArrayList<>();
    int vendorOnly = 0;
    int overlapping = 0;
    int nonUsers = 0;
    int adopters = 0;
    for (DemoPerson p : org.people()) {
      if (p.person().email() == null) continue;
      RawIdentity email = RawIdentity.email(p.person().email());
      if (p.persona() == Persona.NON_USER) {
        if (nonUsers++ % 3 != 0) continue;
        vendorOnly++;
        boolean cursor = vendorOnly % 2 == 0;
        for (LocalDate d = spec.startDate(); !d.isAfter(spec.endDate()); d = d.plusDays(1)) {
          if (weekend(d) || rnd.nextDouble() > 0.55) continue;
          if (cursor) cursorEvents(p, email, d, rnd, events);
          else claudeCodeDay(p, email, d, 1.0, rnd, daily, outcomes);
        }
      } else if (p.adoptedOn() != null && p.engineer() && adopters++ % 6 == 0) {
        overlapping++;
        for (LocalDate d = max(spec.startDate(), p.adoptedOn()); !d.isAfter(spec.endDate()); d = d.plusDays(1)) {
          if (!weekend(d) && rnd.nextDouble() < 0.5) claudeCodeDay(p, email, d, 1.6, rnd, daily, outcomes);
        }
      }
    }
    PrecedenceReconciler reconciler = new PrecedenceReconciler(SourcePrecedence.defaults(), store.importAggregates(),
        raw -> pipeline.enrich(RecordBatch.ofUsage(raw)).usage(), store.usageConsumer()::accept);
    for (int i = 0; i < events.size(); i += 10_000) {
      pipeline.accept(RecordBatch.ofUsage(events.subList(i, Math.min(events.size(), i + 10_000))));
    }
    pipeline.accept(new RecordBatch(List.of(), outcomes));
    reconciler.putRaw(daily);
    TreeSet<LocalDate> days = new TreeSet<>();
    for (UsageRecord r : daily) days.add(LocalDate.ofInstant(r.timestamp(), ZoneOffset.UTC));
    days.forEach(reconciler::reconcile);
    return new Loaded(vendorOnly, overlapping, events.size() + daily.size(), outcomes.size());
  }

  private static void cursorEvents(DemoPerson p, RawIdentity email, LocalDate d, SplittableRandom rnd,
      List<UsageRecord> out) {
    int n = 2 + rnd.nextInt(6);
    for (int i = 0; i < n; i++) {
      boolean claude = rnd.nextInt(3) > 0;
      Instant t = d.atTime(9 + rnd.nextInt(9), rnd.nextInt(60), rnd.nextInt(60)).atZone(p.zone()).toInstant();
      long input = 2_000 + rnd.nextInt(30_000);
      out.add(UsageRecord.builder().id("import:cursor.events:" + d + ":demo-" + p.index() + "-" + i)
          .timestamp(t).source(Sources.IMPORT).tool("cursor").provider(claude ? "anthropic" : "openai")
          .model(claude ? "claude-sonnet-4-5" : "gpt-5").person(p.id()).identity(email)
          .inputTokens(input).cacheReadTokens(input * (2 + rnd.nextInt(6))).outputTokens(300 + rnd.nextInt(4_000))
          .requests(1).build());
    }
  }

  private static void claudeCodeDay(DemoPerson p, RawIdentity email, LocalDate d, double scale, SplittableRandom rnd,
      List<UsageRecord> usage, List<OutcomeRecord> outcomes) {
    String prefix = "import:anthropic.claude-code:" + d + ":demo-" + p.index();
    Instant noon = d.atTime(12, 0).toInstant(ZoneOffset.UTC);
    long input = (long) (scale * (5_000 + rnd.nextInt(60_000)));
    usage.add(UsageRecord.builder().id(prefix + ":claude-sonnet-4-6").timestamp(noon).source(Sources.IMPORT)
        .tool("claude-code").provider("anthropic").model("claude-sonnet-4-6").person(p.id()).identity(email)
        .inputTokens(input).cacheReadTokens((long) (input * (8 + rnd.nextInt(20)) * scale))
        .cacheWrite5mTokens(input / 3).outputTokens((long) (scale * (2_000 + rnd.nextInt(20_000))))
        .requests(20 + rnd.nextInt(120)).reportedCost(BigDecimal.valueOf(50 + rnd.nextInt(900), 2)).build());
    outcomes.add(new OutcomeRecord(prefix + ":lines_added", noon, Sources.IMPORT, "claude-code",
        OutcomeKind.LINES_ADDED, rnd.nextInt(40, 600), p.id(), email, null, null, null));
    outcomes.add(new OutcomeRecord(prefix + ":commit", noon, Sources.IMPORT, "claude-code",
        OutcomeKind.COMMIT, rnd.nextInt(0, 4), p.id(), email, null, null, null));
  }

  private static boolean weekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
