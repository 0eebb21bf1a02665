package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.importer.ImportCursor;
import io.tokenmaxx.importer.PrecedenceReconciler;
import io.tokenmaxx.importer.SourcePrecedence;
import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.Dimension;
import io.tokenmaxx.storage.UsageAggregate;
import io.tokenmaxx.storage.UsageQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Vendor imports: cursors survive and replace, raw aggregates are kept beside the complement the
 * usage records hold, a re-read day deletes what the vendor no longer serves, and with overlapping
 * sources each person-day-model is counted once (finer wins, aggregates fill the rest).
 */
public abstract class ITImports extends StorageTest {
  static final LocalDate DAY = LocalDate.parse("2026-11-20");
  static final Instant NOON = Instant.parse("2026-11-20T12:00:00Z");

  @Test
  void cursorsRoundTripAndReplace() {
    var store = storage.importCursors();
    assertThat(store.all()).isEmpty();
    assertThat(store.load("openai")).isEmpty();
    store.save(ImportCursor.initial("openai"));
    ImportCursor full = new ImportCursor("anthropic", DAY, Instant.parse("2026-11-21T01:00:00.123456Z"),
        Instant.parse("2026-11-21T01:02:00Z"), "HTTP 500 from the vendor: overloaded", 3, 12_345_678_901L,
        Instant.parse("2026-11-21T02:00:00Z"));
    store.save(full);
    assertThat(store.load("anthropic")).contains(full);
    assertThat(store.load("openai")).contains(ImportCursor.initial("openai"));
    assertThat(store.all()).extracting(ImportCursor::source).containsExactly("anthropic", "openai");
    ImportCursor next = full.dayDone(DAY.plusDays(1), 10).succeeded(Instant.parse("2026-11-22T01:00:00Z"), null);
    store.save(next);
    assertThat(store.load("anthropic")).contains(next);
    assertThat(store.load("anthropic").orElseThrow().lastError()).isNull();
    assertThat(store.all()).hasSize(2);
  }

  @Test
  void rawAggregatesAreKeptByDayAndReplacedById() {
    var store = storage.importAggregates();
    UsageRecord a = aggregate("import:anthropic.claude-code:2026-11-20:a", "alice@example.com", "claude-sonnet-4-5", 1000, 100);
    UsageRecord b = aggregate("import:anthropic.claude-code:2026-11-20:b", "bob@example.com", "claude-sonnet-4-5", 50, 5)
        .toBuilder().reportedCost(new BigDecimal("0.125")).person("bob").build();
    UsageRecord other = aggregate("import:anthropic.claude-code:2026-11-21:a", "alice@example.com", "claude-sonnet-4-5", 7, 7)
        .toBuilder().timestamp(NOON.plusSeconds(86_400)).build();
    store.putRaw(List.of(a, b, other));
    store.putRaw(List.of(a.toBuilder().inputTokens(2000).build()));
    List<UsageRecord> day = store.raw(DAY);
    assertThat(day).extracting(UsageRecord::id).containsExactly(a.id(), b.id());
    assertThat(day.get(0).inputTokens()).isEqualTo(2000);
    assertThat(day.get(1)).isEqualTo(b);
    assertThat(store.raw(DAY.plusDays(1))).containsExactly(other);
    assertThat(store.raw(DAY.minusDays(1))).isEmpty();
  }

  @Test
  void finerSumsLeaveOutAggregateStreamsAndOtherDays() {
    storage.usageConsumer().accept(List.of(
        fine("o1", "alice", "claude-code", "claude-sonnet-4-5", 100, 10, NOON.minusSeconds(3600)),
        fine("o2", "alice", "claude-code", "claude-sonnet-4-5", 50, 5, NOON),
        fine("o3", "alice", "codex", "gpt-5", 7, 1, NOON),
        fine("o4", "alice", "claude-code", "claude-sonnet-4-5", 1000, 1, NOON.plusSeconds(86_400)), // next day
        aggregate("import:anthropic.claude-code:2026-11-20:x", "alice@example.com", "claude-sonnet-4-5", 9, 9)));
    List<UsageRecord> sums = storage.importAggregates().finerSums(DAY, SourcePrecedence.defaults().streams()
        .stream().map(s -> s.idPrefix()).toList());
    Map<String, Long> input = new TreeMap<>();
    for (UsageRecord r : sums) input.put(r.person() + "|" + r.tool() + "|" + r.model(), r.inputTokens());
    assertThat(input).containsExactly(Map.entry("alice|claude-code|claude-sonnet-4-5", 150L),
        Map.entry("alice|codex|gpt-5", 7L));
    UsageRecord claude = sums.stream().filter(r -> r.tool().equals("claude-code")).findFirst().orElseThrow();
    assertThat(claude.outputTokens()).isEqualTo(15);
    assertThat(claude.requests()).isEqualTo(2);
  }

  @Test
  void aReReadDayDeletesWhatTheVendorNoLongerServes() {
    String prefix = "import:cursor.events:2026-11-20:";
    storage.usageConsumer().accept(List.of(
        fine(prefix + "1", "alice", "cursor", "gpt-5", 10, 1, NOON),
        fine(prefix + "2", "alice", "cursor", "gpt-5", 20, 1, NOON),
        fine("import:cursor.events:2026-11-21:3", "alice", "cursor", "gpt-5", 40, 1, NOON.plusSeconds(86_400)),
        fine("otlp:1", "alice", "cursor", "gpt-5", 80, 1, NOON)));
    storage.outcomeConsumer().accept(List.of(
        new OutcomeRecord(prefix + "o1", NOON, "import", "cursor", OutcomeKind.values()[0], 3, "alice", null, null, null, null),
        new OutcomeRecord(prefix + "o2", NOON, "import", "cursor", OutcomeKind.values()[0], 4, "alice", null, null, null, null)));
    long deleted = storage.importAggregates().deleteExcept(prefix, DAY, Set.of(prefix + "1", prefix + "o1"));
    assertThat(deleted).isEqualTo(2);
    assertThat(storage.usageStore().records(UsageQuery.all(), 100)).extracting(UsageRecord::id)
        .containsExactlyInAnyOrder(prefix + "1", "import:cursor.events:2026-11-21:3", "otlp:1");
    assertThat(storage.usageStore().outcomes(UsageQuery.all(), 100)).extracting(OutcomeRecord::id)
        .containsExactly(prefix + "o1");
    assertThat(total(UsageQuery.all())).isEqualTo(10 + 40 + 80);
    assertThat(storage.importAggregates().deleteExcept(prefix, DAY, Set.of(prefix + "1", prefix + "o1"))).isZero();
  }

  @Test
  void otlpAndTheClaudeCodeReportCountEachPersonDayModelOnce() {
    PrecedenceReconciler r = reconciler();
    // Alice's agent sent 300 input tokens over OpenTelemetry; the report says 1,000 (a second laptop).
    storage.usageConsumer().accept(List.of(
        fine("otlp:a1", "alice", "claude-code", "claude-sonnet-4-5", 200, 20, NOON.minusSeconds(7200)),
        fine("otlp:a2", "alice", "claude-code", "claude-sonnet-4-5", 100, 10, NOON.plusSeconds(3600)),
        fine("otlp:c1", "carol", "claude-code", "claude-sonnet-4-5", 500, 50, NOON)));
    String ida = "import:anthropic.claude-code:2026-11-20:alice";
    String idb = "import:anthropic.claude-code:2026-11-20:bob";
    String idc = "import:anthropic.claude-code:2026-11-20:carol";
    r.putRaw(List.of(aggregate(ida, "alice", "claude-sonnet-4-5", 1000, 100),
        aggregate(idb, "bob", "claude-sonnet-4-5", 70, 7),    // only in the report
        aggregate(idc, "carol", "claude-sonnet-4-5", 400, 40))); // the agent saw more than the report
    r.dayComplete("anthropic.claude-code", DAY, Set.of(ida, idb, idc));
    assertThat(inputByPerson()).containsExactly(Map.entry("alice", 1000L), Map.entry("bob", 70L),
        Map.entry("carol", 500L));
    assertThat(storage.importAggregates().raw(DAY)).extracting(UsageRecord::inputTokens).containsExactly(1000L, 70L, 400L);

    // a late OpenTelemetry record of Alice's: still 1,000 after the next reconcile, now more of it fine-grained
    storage.usageConsumer().accept(List.of(fine("otlp:a3", "alice", "claude-code", "claude-sonnet-4-5", 600, 60, NOON)));
    r.reconcile(DAY);
    assertThat(inputByPerson()).containsEntry("alice", 1000L);
    // the vendor revises Bob's bucket, then drops it
    r.putRaw(List.of(aggregate(idb, "bob", "claude-sonnet-4-5", 90, 9)));
    r.dayComplete("anthropic.claude-code", DAY, Set.of(ida, idb, idc));
    assertThat(inputByPerson()).containsEntry("bob", 90L);
    r.dayComplete("anthropic.claude-code", DAY, Set.of(ida, idc));
    assertThat(inputByPerson()).doesNotContainKey("bob");
    assertThat(storage.importAggregates().raw(DAY)).extracting(UsageRecord::id).containsExactly(ida, idc);
    // repeated pulls change nothing
    r.dayComplete("anthropic.claude-code", DAY, Set.of(ida, idc));
    assertThat(inputByPerson()).containsExactly(Map.entry("alice", 1000L), Map.entry("carol", 500L));
  }

  @Test
  void gatewayRecordsAndTheOpenAiUsageReportCountEachPersonDayModelOnce() {
    PrecedenceReconciler r = reconciler();
    storage.usageConsumer().accept(List.of(
        fine("gw:1", "dan", "api", "gpt-5", 400, 40, NOON).toBuilder().source("gateway").provider("openai").build(),
        fine("gw:2", "dan", "api", "gpt-5", 100, 10, NOON).toBuilder().source("gateway").provider("openai").build(),
        // Cursor bills its own traffic: the OpenAI report never contains it
        fine("cur:1", "dan", "cursor", "gpt-5", 999, 9, NOON).toBuilder().provider("openai").build()));
    String key1 = "import:openai.completions:2026-11-20:k1";
    String key2 = "import:openai.completions:2026-11-20:k2";
    // two API keys of Dan's: 300 + 500 input, the gateway saw 500 of it
    r.putRaw(List.of(aggregate(key1, "dan", "gpt-5", 300, 30).toBuilder().provider("openai").tool("api").build(),
        aggregate(key2, "dan", "gpt-5", 500, 50).toBuilder().provider("openai").tool("api").build()));
    r.dayComplete("openai.completions", DAY, Set.of(key1, key2));
    UsageQuery q = UsageQuery.builder().groupBy(Dimension.TOOL).build();
    Map<String, Long> byTool = new TreeMap<>();
    for (UsageAggregate a : storage.usageStore().aggregate(q)) byTool.put(a.key().get(0), a.inputTokens());
    assertThat(byTool).containsExactly(Map.entry("api", 800L), Map.entry("cursor", 999L));
    assertThat(total(UsageQuery.builder().tools(Set.of("api")).build())).isEqualTo(800);
  }

  private PrecedenceReconciler reconciler() {
    return new PrecedenceReconciler(SourcePrecedence.defaults(), storage.importAggregates(), list -> list,
        storage.usageConsumer()::accept);
  }

  private Map<String, Long> inputByPerson() {
    Map<String, Long> out = new TreeMap<>();
    for (UsageAggregate a : storage.usageStore().aggregate(UsageQuery.builder().groupBy(Dimension.PERSON).build())) {
      out.put(a.key().get(0), a.inputTokens());
    }
    return out;
  }

  private long total(UsageQuery q) {
    return storage.usageStore().aggregate(q).stream().mapToLong(UsageAggregate::inputTokens).sum();
  }

  static UsageRecord fine(String id, String person, String tool, String model, long input, long output, Instant at) {
    return UsageRecord.builder().id(id).timestamp(at).source("otlp").tool(tool).provider("anthropic")
        .model(model).person(person).inputTokens(input).outputTokens(output).requests(1).build();
  }

  /** A daily aggregate as an importer makes it; {@code who} is a person id or an e-mail. */
  static UsageRecord aggregate(String id, String who, String model, long input, long output) {
    UsageRecord.Builder b = UsageRecord.builder().id(id).timestamp(NOON).source("import").tool("claude-code")
        .provider("anthropic").model(model).inputTokens(input).outputTokens(output).requests(3);
    return who.contains("@") ? b.identity(RawIdentity.email(who)).build() : b.person(who).build();
  }
}
