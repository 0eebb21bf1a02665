package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.UsageQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Every field comes back as it went in: exact costs, nanoseconds, null apart from zero. */
public abstract class ITRoundTrip extends StorageTest {

  @Test
  void everyUsageFieldRoundTrips() {
    List<UsageRecord> in = new ArrayList<>();
    in.add(UsageRecord.builder().id("full").timestamp(Instant.parse("2024-03-10T07:30:00.123456789Z"))
        .source("otlp").tool("claude-code").provider("anthropic").model("claude-opus-4-1")
        .person("ana").identity(new RawIdentity(RawIdentity.Kind.ACCOUNT_UUID, "6f1c-AbC"))
        .sessionId("sess-1").project("web").inputTokens(io.tokenmaxx.model.RecordLimits.MAX_TOKENS).outputTokens(2)
        .cacheReadTokens(3).cacheWrite5mTokens(4).cacheWrite1hTokens(5).reasoningTokens(6)
        .requests(7).reportedCost(new BigDecimal("0.000000000000000001"))
        .computedCost(new BigDecimal("99999999999999999999.999999999999999999"))
        .priceRef("litellm@2024-03-01#claude-opus-4-1").latencyMs(0L).status("error")
        .promptHash("ab12").build());
    in.add(UsageRecord.builder().id("minimal").timestamp(Instant.parse("1970-01-01T00:00:00Z"))
        .source("local-log").tool("codex").build());
    in.add(UsageRecord.builder().id("zeros").timestamp(Instant.parse("2024-01-01T00:00:00.000001Z"))
        .source("s").tool("t").model("m").reportedCost(BigDecimal.ZERO).computedCost(new BigDecimal("0.00"))
        .latencyMs(0L).requests(0).build());
    in.add(UsageRecord.builder().id("unicode ✓ 𝄞 \"quoted\"\ttab\nnewline\\back")
        .timestamp(Instant.parse("8999-12-31T23:59:59.999999999Z"))
        .source("ingest").tool("api").person("zoë 😀").project("项目/å").sessionId("")
        .identity(RawIdentity.email("Mixed.Case@Example.COM")).build());
    for (RawIdentity.Kind kind : RawIdentity.Kind.values()) {
      in.add(UsageRecord.builder().id("kind-" + kind.label()).timestamp(Instant.parse("2024-06-01T00:00:00Z"))
          .source("s").tool("t").identity(new RawIdentity(kind, "v-" + kind)).build());
    }
    Random rnd = new Random(11);
    for (int i = 0; i < 200; i++) in.add(Records.usage(rnd, i));

    storage.usageConsumer().accept(in);

    List<UsageRecord> out = storage.usageStore().records(UsageQuery.all(), 10_000);
    assertThat(byId(out)).isEqualTo(byId(Records.normalUsage(in)));
    UsageRecord zeros = out.stream().filter(r -> r.id().equals("zeros")).findFirst().orElseThrow();
    assertThat(zeros.latencyMs()).isZero();
    assertThat(zeros.reportedCost()).isEqualByComparingTo("0");
    UsageRecord minimal = out.stream().filter(r -> r.id().equals("minimal")).findFirst().orElseThrow();
    assertThat(minimal.latencyMs()).isNull();
    assertThat(minimal.reportedCost()).isNull();
    assertThat(minimal.computedCost()).isNull();
    assertThat(minimal.identity()).isNull();
  }

  @Test
  void everyOutcomeFieldRoundTrips() {
    List<OutcomeRecord> in = new ArrayList<>();
    for (OutcomeKind kind : OutcomeKind.values()) {
      in.add(new OutcomeRecord("k-" + kind.label(), Instant.parse("2024-02-29T12:00:00.000000001Z"),
          "otlp", "claude-code", kind, 0.1 + kind.ordinal(), "ana",
          new RawIdentity(RawIdentity.Kind.USER_ID, "hash-1"), "s", "p", "decision=accept"));
    }
    in.add(new OutcomeRecord("bare", Instant.parse("2024-02-29T12:00:00Z"), "git", null,
        OutcomeKind.COMMIT, 0, null, null, null, null, null));
    Random rnd = new Random(12);
    for (int i = 0; i < 100; i++) in.add(Records.outcome(rnd, i));

    storage.outcomeConsumer().accept(in);

    List<OutcomeRecord> out = storage.usageStore().outcomes(UsageQuery.all(), 10_000);
    Comparator<OutcomeRecord> byId = Comparator.comparing(OutcomeRecord::id);
    assertThat(out.stream().sorted(byId).toList()).isEqualTo(in.stream().sorted(byId).toList());
  }

  @Test
  void recordsComeNewestFirstAndRespectTheLimit() {
    List<UsageRecord> in = Records.usage(13, 300);
    storage.usageConsumer().accept(in);

    List<UsageRecord> out = storage.usageStore().records(UsageQuery.all(), 50);
    List<UsageRecord> expected = Records.normalUsage(in).stream()
        .sorted(Comparator.comparing(UsageRecord::timestamp).reversed().thenComparing(UsageRecord::id))
        .limit(50).toList();
    assertThat(Records.normalUsage(out)).isEqualTo(expected);
    assertThat(storage.usageStore().records(UsageQuery.all(), 0)).isEmpty();
  }

  @Test
  void subMicrosecondBoundsFilterExactly(TestInfo info) {
    Instant t = Instant.parse("2024-04-01T00:00:00.000000500Z");
    List<UsageRecord> in = List.of(
        UsageRecord.builder().id("before").timestamp(t.minusNanos(1)).source("s").tool("t").build(),
        UsageRecord.builder().id("at").timestamp(t).source("s").tool("t").build(),
        UsageRecord.builder().id("after").timestamp(t.plusNanos(1)).source("s").tool("t").build());
    storage.usageConsumer().accept(in);

    assertThat(ids(UsageQuery.builder().from(t).build())).containsExactlyInAnyOrder("at", "after");
    assertThat(ids(UsageQuery.builder().to(t).build())).containsExactly("before");
    assertThat(ids(UsageQuery.builder().from(t).to(t.plusNanos(1)).build())).containsExactly("at");
    assertThat(storage.usageStore().aggregate(UsageQuery.builder().from(t).build()).getFirst().firstSeen())
        .isEqualTo(t);
  }

  private List<String> ids(UsageQuery q) {
    return storage.usageStore().records(q, 100).stream().map(UsageRecord::id).toList();
  }

  private static List<UsageRecord> byId(List<UsageRecord> records) {
    return records.stream().sorted(Comparator.comparing(UsageRecord::id)).toList();
  }
}
