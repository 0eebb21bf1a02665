package io.tokenmaxx.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SourcePrecedenceTest {
  private static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");
  private final SourcePrecedence precedence = SourcePrecedence.defaults();

  static Stream<Long> seeds() {
    return IntStream.range(0, 40).mapToObj(i -> 9_001L * i + 17);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aPersonDayReportFillsOnlyWhatFinerSourcesMissed(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<UsageRecord> fine = fine(rnd, "claude-code", "anthropic", rnd.nextInt(0, 6));
    List<UsageRecord> report = aggregates(rnd, "anthropic.claude-code", "claude-code", 1 + rnd.nextInt(2));
    List<UsageRecord> all = shuffled(rnd, fine, report);

    List<UsageRecord> stored = precedence.resolve(all);

    assertThat(stored).extracting(UsageRecord::id).containsExactlyInAnyOrderElementsOf(ids(report));
    TokenCounts f = sum(fine);
    TokenCounts v = sum(report);
    assertThat(sum(fine).plus(sum(stored))).isEqualTo(max(f, v));
    for (UsageRecord s : stored) {
      UsageRecord raw = report.stream().filter(r -> r.id().equals(s.id())).findFirst().orElseThrow();
      assertThat(s.totalTokens()).isLessThanOrEqualTo(raw.totalTokens());
      assertThat(s.person()).isEqualTo(raw.person());
      assertThat(s.timestamp()).isEqualTo(raw.timestamp());
    }
    // input order does not matter
    assertThat(sorted(precedence.resolve(shuffled(new SplittableRandom(seed + 1), fine, report))))
        .isEqualTo(sorted(stored));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void reportsChainFinestFirst(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<UsageRecord> fineCode = fine(rnd, "claude-code", "anthropic", rnd.nextInt(0, 4));
    List<UsageRecord> fineApi = fine(rnd, "api", "anthropic", rnd.nextInt(0, 4));
    List<UsageRecord> cursor = fine(rnd, "cursor", null, rnd.nextInt(0, 3));
    List<UsageRecord> code = aggregates(rnd, "anthropic.claude-code", "claude-code", 1);
    List<UsageRecord> messages = aggregates(rnd, "anthropic.messages", "api", 1 + rnd.nextInt(3));

    List<UsageRecord> stored = precedence.resolve(shuffled(rnd, fineCode, fineApi, cursor, code, messages));

    List<UsageRecord> storedCode = stored.stream().filter(r -> r.id().startsWith("import:anthropic.claude-code:")).toList();
    List<UsageRecord> storedMessages = stored.stream().filter(r -> r.id().startsWith("import:anthropic.messages:")).toList();
    assertThat(sum(storedCode)).isEqualTo(sum(code).beyond(sum(fineCode)));
    TokenCounts anthropicSoFar = sum(fineApi).plus(max(sum(fineCode), sum(code)));
    // Cursor bills its own model traffic: never part of the organization's API report
    assertThat(sum(storedMessages)).isEqualTo(sum(messages).beyond(anthropicSoFar));
    assertThat(sum(fineCode).plus(sum(fineApi)).plus(sum(stored)))
        .isEqualTo(max(anthropicSoFar, sum(messages)));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void lateFineDataAndRevisionsAreRecomputedFromTheRawNumbers(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<UsageRecord> early = fine(rnd, "claude-code", "anthropic", 1 + rnd.nextInt(3));
    List<UsageRecord> late = fine(rnd, "claude-code", "anthropic", 1 + rnd.nextInt(3));
    List<UsageRecord> report = aggregates(rnd, "anthropic.claude-code", "claude-code", 1);
    List<UsageRecord> revised = List.of(report.get(0).toBuilder()
        .inputTokens(report.get(0).inputTokens() + rnd.nextInt(0, 50_000))
        .outputTokens(rnd.nextInt(0, 20_000)).build());

    List<UsageRecord> before = precedence.resolve(shuffled(rnd, early, report));
    List<UsageRecord> after = precedence.resolve(shuffled(rnd, early, late, report));
    List<UsageRecord> afterRevision = precedence.resolve(shuffled(rnd, early, late, revised));

    List<UsageRecord> fineAll = new ArrayList<>(early);
    fineAll.addAll(late);
    assertThat(sum(early).plus(sum(before))).isEqualTo(max(sum(early), sum(report)));
    assertThat(sum(fineAll).plus(sum(after))).isEqualTo(max(sum(fineAll), sum(report)));
    assertThat(sum(fineAll).plus(sum(afterRevision))).isEqualTo(max(sum(fineAll), sum(revised)));
    assertThat(sum(after).tokens()).isLessThanOrEqualTo(sum(before).tokens());
  }

  @Test
  void withoutFinerRecordsTheReportIsStoredAsIs() {
    UsageRecord a = aggregate("import:anthropic.claude-code:2026-03-02:a", "claude-code", 100, 50, 10, 5, 0, 0)
        .toBuilder().reportedCost(new BigDecimal("1.86")).build();
    assertThat(precedence.resolve(List.of(a))).containsExactly(a);
  }

  @Test
  void costsFollowTheShareOfTokensLeft() {
    UsageRecord a = aggregate("import:anthropic.claude-code:2026-03-02:a", "claude-code", 600, 300, 100, 0, 0, 0)
        .toBuilder().reportedCost(new BigDecimal("2.00")).build();
    UsageRecord f = fineRecord("f1", "claude-code", "anthropic", 300, 150, 50, 0, 0, 0);
    UsageRecord stored = precedence.resolve(List.of(a, f)).get(0);
    assertThat(stored.inputTokens()).isEqualTo(300);
    assertThat(stored.outputTokens()).isEqualTo(150);
    assertThat(stored.cacheReadTokens()).isEqualTo(50);
    assertThat(stored.reportedCost()).isEqualByComparingTo("1.00");
  }

  @Test
  void cacheWritesAndReasoningAreComparedAsSumsAndSplitLikeTheReport() {
    // the report does not split reasoning from output; the finer source does
    UsageRecord a = aggregate("import:openai.completions:2026-03-02:a", "api", 0, 1_000, 0, 0, 0, 0);
    UsageRecord f = fineRecord("f1", "codex", "openai", 0, 300, 0, 0, 0, 200);
    UsageRecord stored = precedence.resolve(List.of(a, f)).get(0);
    assertThat(stored.outputTokens()).isEqualTo(500);
    assertThat(stored.reasoningTokens()).isZero();
    // cache writes with both TTLs against a source reporting only 5-minute writes
    UsageRecord b = aggregate("import:anthropic.messages:2026-03-02:b", "api", 0, 0, 0, 300, 100, 0);
    UsageRecord g = fineRecord("g1", "claude-code", "anthropic", 0, 0, 0, 200, 0, 0);
    UsageRecord storedB = precedence.resolve(List.of(b, g)).get(0);
    assertThat(storedB.cacheWrite5mTokens() + storedB.cacheWrite1hTokens()).isEqualTo(200);
    assertThat(storedB.cacheWrite5mTokens()).isEqualTo(150);
  }

  @Test
  void recordsOfDifferentPeopleDaysOrModelsAreNeverCompared() {
    UsageRecord a = aggregate("import:anthropic.claude-code:2026-03-02:a", "claude-code", 100, 0, 0, 0, 0, 0);
    UsageRecord otherPerson = fineRecord("f1", "claude-code", "anthropic", 100, 0, 0, 0, 0, 0).toBuilder().person("p2").build();
    UsageRecord otherDay = fineRecord("f2", "claude-code", "anthropic", 100, 0, 0, 0, 0, 0).toBuilder()
        .timestamp(DAY.plusSeconds(86_400)).build();
    UsageRecord otherModel = fineRecord("f3", "claude-code", "anthropic", 100, 0, 0, 0, 0, 0).toBuilder().model("claude-haiku-4-5").build();
    assertThat(precedence.resolveAll(List.of(a, otherPerson, otherDay, otherModel))).containsExactly(a);
    assertThatThrownBy(() -> precedence.resolve(List.of(a, otherPerson))).hasMessageContaining("two keys");
    // the same model named with a provider qualification is the same key
    UsageRecord qualified = fineRecord("f4", "claude-code", "anthropic", 100, 0, 0, 0, 0, 0).toBuilder()
        .model("Anthropic/Claude-Sonnet-4-5").build();
    assertThat(precedence.resolve(List.of(a, qualified)).get(0).inputTokens()).isZero();
  }

  @Test
  void unattributedRecordsMatchByRawIdentity() {
    UsageRecord a = aggregate("import:anthropic.messages:2026-03-02:a", "api", 100, 0, 0, 0, 0, 0).toBuilder()
        .person(null).identity(new RawIdentity(RawIdentity.Kind.API_KEY, "anthropic:apikey_1")).build();
    UsageRecord f = fineRecord("f1", "api", "anthropic", 40, 0, 0, 0, 0, 0).toBuilder()
        .person(null).identity(new RawIdentity(RawIdentity.Kind.API_KEY, "anthropic:apikey_1")).build();
    assertThat(precedence.key(a)).isEqualTo(precedence.key(f));
    assertThat(precedence.resolve(List.of(a, f)).get(0).inputTokens()).isEqualTo(60);
  }

  // --- fixtures ---

  private static List<UsageRecord> fine(SplittableRandom rnd, String tool, String provider, int n) {
    List<UsageRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(fineRecord("otlp:l:" + tool + ":" + rnd.nextLong(), tool, provider, rnd.nextInt(0, 40_000),
          rnd.nextInt(0, 8_000), rnd.nextInt(0, 90_000), rnd.nextInt(0, 6_000), rnd.nextInt(0, 2_000),
          rnd.nextInt(0, 3_000)).toBuilder().requests(rnd.nextInt(0, 4)).build());
    }
    return out;
  }

  private static List<UsageRecord> aggregates(SplittableRandom rnd, String stream, String tool, int n) {
    List<UsageRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(aggregate("import:" + stream + ":2026-03-02:" + Long.toHexString(rnd.nextLong()), tool,
          rnd.nextInt(0, 100_000), rnd.nextInt(0, 20_000), rnd.nextInt(0, 200_000), rnd.nextInt(0, 15_000),
          rnd.nextInt(0, 5_000), 0).toBuilder().requests(rnd.nextInt(0, 20))
          .reportedCost(BigDecimal.valueOf(rnd.nextInt(0, 10_000), 2)).build());
    }
    return out;
  }

  private static UsageRecord aggregate(String id, String tool, long in, long out, long read, long w5, long w1, long reasoning) {
    return fineRecord(id, tool, "anthropic", in, out, read, w5, w1, reasoning).toBuilder()
        .timestamp(DAY.plusSeconds(12 * 3600)).build();
  }

  private static UsageRecord fineRecord(String id, String tool, String provider, long in, long out, long read,
      long w5, long w1, long reasoning) {
    return UsageRecord.builder().id(id).timestamp(DAY.plusSeconds(3 * 3600)).source("test").tool(tool)
        .provider(provider).model("claude-sonnet-4-5").person("p1").identity(RawIdentity.email("p1@example.com"))
        .inputTokens(in).outputTokens(out).cacheReadTokens(read).cacheWrite5mTokens(w5).cacheWrite1hTokens(w1)
        .reasoningTokens(reasoning).requests(1).build();
  }

  @SafeVarargs
  private static List<UsageRecord> shuffled(SplittableRandom rnd, List<UsageRecord>... parts) {
    List<UsageRecord> all = new ArrayList<>();
    for (List<UsageRecord> p : parts) all.addAll(p);
    Collections.shuffle(all, new java.util.Random(rnd.nextLong()));
    return all;
  }

  private static TokenCounts sum(List<UsageRecord> rs) {
    TokenCounts t = TokenCounts.ZERO;
    for (UsageRecord r : rs) t = t.plus(TokenCounts.of(r));
    return t;
  }

  private static TokenCounts max(TokenCounts a, TokenCounts b) {
    return new TokenCounts(Math.max(a.input(), b.input()), Math.max(a.cacheRead(), b.cacheRead()),
        Math.max(a.cacheWrite(), b.cacheWrite()), Math.max(a.generated(), b.generated()),
        Math.max(a.requests(), b.requests()));
  }

  private static List<String> ids(List<UsageRecord> rs) {
    return rs.stream().map(UsageRecord::id).toList();
  }

  private static List<UsageRecord> sorted(List<UsageRecord> rs) {
    return rs.stream().sorted(java.util.Comparator.comparing(UsageRecord::id)).toList();
  }
}
