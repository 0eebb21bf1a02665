package io.tokenmaxx.collect.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.Tools;
import io.tokenmaxx.model.UsageRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture logs hold every quirk once; the expected numbers are what {@code ccusage daily
 * --json --offline} reports for the same files.
 */
class LocalLogScannerTest {
  @TempDir
  Path dir;

  ScanResult scan() throws IOException {
    return Fixtures.scanner(Fixtures.home(dir)).build().scan();
  }

  static long total(List<UsageRecord> rs) {
    return rs.stream().mapToLong(UsageRecord::totalTokens).sum();
  }

  @Test
  void totalsMatchCcusage() throws IOException {
    List<UsageRecord> rs = scan().records();
    assertThat(rs.stream().mapToLong(UsageRecord::inputTokens).sum()).isEqualTo(913 + 300_511);
    assertThat(rs.stream().mapToLong(UsageRecord::generatedTokens).sum()).isEqualTo(430 + 395);
    assertThat(rs.stream().mapToLong(UsageRecord::cacheWriteTokens).sum()).isEqualTo(1000 + 70);
    assertThat(rs.stream().mapToLong(UsageRecord::cacheReadTokens).sum()).isEqualTo(50_600 + 3_300);
    assertThat(total(rs)).isEqualTo(357_219);
  }

  @Test
  void streamedCopiesCountOnceAsTheLargestAndSidechainReplaysAreDropped() throws IOException {
    List<UsageRecord> a = scan().records().stream().filter(r -> r.id().equals("claude-code:msg_A:req_A")).toList();
    assertThat(a).hasSize(1);
    assertThat(a.get(0).outputTokens()).isEqualTo(250);
    assertThat(a.get(0).cacheWrite5mTokens()).isEqualTo(600);
    assertThat(a.get(0).cacheWrite1hTokens()).isEqualTo(400);
    assertThat(a.get(0).cacheReadTokens()).isEqualTo(20_000); // not the replay's 90,000
    assertThat(scan().records()).noneMatch(r -> r.id().contains("req_REPLAY"));
  }

  @Test
  void agentProgressCopiesOfSubagentMessagesCountOnce() throws IOException {
    List<UsageRecord> sub = scan().records().stream().filter(r -> r.id().equals("claude-code:msg_SUB:req_SUB")).toList();
    assertThat(sub).hasSize(1);
    assertThat(sub.get(0).sessionId()).isEqualTo("s1");
    assertThat(sub.get(0).model()).isEqualTo("claude-haiku-4-5-20251001");
  }

  @Test
  void fastModeIsAModelSuffixAndPricedWithTheMultiplier() throws IOException {
    UsageRecord b = one("claude-code:msg_B:req_B");
    assertThat(b.model()).isEqualTo("claude-opus-4-6-fast");
    assertThat(b.computedCost()).isEqualByComparingTo("0.10509");
    assertThat(b.priceRef()).contains("claude-opus-4-6").contains("fast x6");
  }

  @Test
  void reportedCostIsKeptBesideTheComputedOne() throws IOException {
    UsageRecord d = one("claude-code:msg_D:req_D");
    assertThat(d.reportedCost()).isEqualByComparingTo("0.123456");
    // 300k input: 200k at 3e-6 and 100k at the 6e-6 long-context price, plus 10 output at 15e-6
    assertThat(d.computedCost()).isEqualByComparingTo("1.20015");
  }

  @Test
  void syntheticMessagesTornLinesAndBadNumbersAreSkippedAndCounted() throws IOException {
    ScanResult r = scan();
    assertThat(r.records()).noneMatch(x -> x.model().equals("<synthetic>"));
    assertThat(r.records()).noneMatch(x -> x.id().contains("msg_C") || x.id().contains("msg_E"));
    assertThat(r.stats().malformedLines()).isEqualTo(1); // msg_C was cut off mid-line
    assertThat(r.stats().invalidLines()).isEqualTo(1); // msg_E has input_tokens 1.5
  }

  @Test
  void theLastLineIsCountedEvenWithoutANewline() throws IOException {
    assertThat(one("claude-code:msg_F:req_F").outputTokens()).isEqualTo(8);
  }

  @Test
  void userLinesQuotingASubagentsUsageAreNotUsage() throws IOException {
    assertThat(scan().records()).noneMatch(r -> r.inputTokens() == 12 || r.inputTokens() == 999_999);
  }

  @Test
  void codexDeltasSplitCachedInputAndReasoning() throws IOException {
    List<UsageRecord> codex = scan().records().stream().filter(r -> r.tool().equals(Tools.CODEX))
        .sorted((x, y) -> x.timestamp().compareTo(y.timestamp())).toList();
    // old session: 2 counts (the repeated total is skipped), active session: 2 counts; its archived copy adds nothing
    assertThat(codex).hasSize(4);
    UsageRecord first = codex.get(2);
    assertThat(first.model()).isEqualTo("gpt-5.2-codex");
    assertThat(first.inputTokens()).isEqualTo(200);
    assertThat(first.cacheReadTokens()).isEqualTo(800);
    assertThat(first.outputTokens()).isEqualTo(150);
    assertThat(first.reasoningTokens()).isEqualTo(50);
    assertThat(first.project()).isEqualTo("-home-dev-app");
    assertThat(first.provider()).isEqualTo("openai");
    assertThat(first.sessionId()).isEqualTo("2026/03/02/rollout-2026-03-02T10-00-00-abc");
  }

  @Test
  void codexWithoutAModelFallsBackToGpt5AndSaysSo() throws IOException {
    UsageRecord old = scan().records().stream().filter(r -> r.tool().equals(Tools.CODEX))
        .min((x, y) -> x.timestamp().compareTo(y.timestamp())).orElseThrow();
    assertThat(old.model()).isEqualTo("gpt-5");
    assertThat(old.priceRef()).startsWith("model assumed");
    assertThat(scan().stats().fallbackModelRecords()).isEqualTo(1);
  }

  @Test
  void recordsCarryToolSessionProjectIdentityAndStableIds() throws IOException {
    ScanResult r1 = scan();
    UsageRecord a = one("claude-code:msg_A:req_A");
    assertThat(a.tool()).isEqualTo(Tools.CLAUDE_CODE);
    assertThat(a.provider()).isEqualTo("anthropic");
    assertThat(a.sessionId()).isEqualTo("s1");
    assertThat(a.project()).isEqualTo("-home-dev-app");
    assertThat(a.identity()).isEqualTo(new RawIdentity(RawIdentity.Kind.HOST_USER, System.getProperty("user.name")));
    assertThat(a.timestamp()).hasToString("2026-03-01T10:00:07Z");
    Set<String> ids = r1.records().stream().map(UsageRecord::id).collect(Collectors.toSet());
    assertThat(ids).hasSize(r1.records().size());
    assertThat(Fixtures.scanner(dir).build().scan().records().stream().map(UsageRecord::id).collect(Collectors.toSet()))
        .isEqualTo(ids);
  }

  @Test
  void unknownModelsAreUnpricedNeverFree(@TempDir Path other) throws IOException {
    Fixtures.write(other.resolve(".claude/projects/p/s.jsonl"),
        "{\"sessionId\":\"s\",\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"message\":{\"id\":\"m\",\"model\":\"claude-experimental-9\",\"usage\":{\"input_tokens\":10,\"output_tokens\":1}},\"requestId\":\"r\"}\n");
    ScanResult r = Fixtures.scanner(other).build().scan();
    assertThat(r.records()).singleElement().satisfies(x -> {
      assertThat(x.computedCost()).isNull();
      assertThat(x.unpriced()).isTrue();
    });
    assertThat(r.stats().unpricedRecords()).isEqualTo(1);
  }

  @Test
  void readsEveryClaudeConfigDirOfClaudeConfigDirAndDedupesAcrossThem(@TempDir Path other) throws IOException {
    Path home = Fixtures.home(dir);
    Fixtures.copy(home.resolve(".claude"), other.resolve("second"));
    Map<String, String> env = Map.of("CLAUDE_CONFIG_DIR", home.resolve(".claude") + " , " + other.resolve("second/projects"));
    ScanResult both = LocalLogScanner.builder().home(other).env(env).tools(Set.of(Tools.CLAUDE_CODE)).build().scan();
    ScanResult one = LocalLogScanner.builder().home(home).env(Map.of()).tools(Set.of(Tools.CLAUDE_CODE)).build().scan();
    assertThat(both.stats().files()).isEqualTo(2 * one.stats().files());
    assertThat(total(both.records())).isEqualTo(total(one.records()));
  }

  @Test
  void defaultLocationsAreXdgConfigAndDotClaude(@TempDir Path home) throws IOException {
    Fixtures.copy(Fixtures.resource("local-logs/claude"), home.resolve("xdg/claude"));
    ScanResult viaXdg = LocalLogScanner.builder().home(home).env(Map.of("XDG_CONFIG_HOME", home.resolve("xdg").toString()))
        .tools(Set.of(Tools.CLAUDE_CODE)).build().scan();
    assertThat(viaXdg.stats().files()).isEqualTo(2);
    Fixtures.copy(Fixtures.resource("local-logs/claude"), home.resolve(".config/claude"));
    assertThat(LocalLogScanner.builder().home(home).env(Map.of()).tools(Set.of(Tools.CLAUDE_CODE)).build().scan().stats().files())
        .isEqualTo(2);
  }

  @Test
  void badConfiguredDirectoriesAreNamed(@TempDir Path home) {
    assertThatThrownBy(() -> LocalLogScanner.builder().home(home).env(Map.of("CLAUDE_CONFIG_DIR", "/nope/a,/nope/b")).build().scan())
        .hasMessageContaining("CLAUDE_CONFIG_DIR=/nope/a,/nope/b");
    assertThatThrownBy(() -> LocalLogScanner.builder().home(home).claudeDirs(List.of(home.resolve("missing"))).build().scan())
        .hasMessageContaining(home.resolve("missing").toString());
    assertThatThrownBy(() -> LocalLogScanner.builder().codexHomes(List.of(home.resolve("nocodex"))).build().scan())
        .hasMessageContaining("nocodex");
    assertThatThrownBy(() -> LocalLogScanner.builder().tools(Set.of("cursor")).build()).hasMessageContaining("cursor");
  }

  @Test
  void noLogsIsAnEmptyResultNotAnError(@TempDir Path home) throws IOException {
    ScanResult r = LocalLogScanner.builder().home(home).env(Map.of()).build().scan();
    assertThat(r.records()).isEmpty();
    assertThat(r.stats().files()).isZero();
  }

  @Test
  void sessionIdsFollowTheLayout() {
    assertThat(ClaudeLogs.sessionAndProject(Path.of("/h/.claude/projects/p/s.jsonl"))).containsExactly("s", "p");
    assertThat(ClaudeLogs.sessionAndProject(Path.of("/h/.claude/projects/p/s/chat.jsonl"))).containsExactly("s", "p");
    assertThat(ClaudeLogs.sessionAndProject(Path.of("/h/.claude/projects/p/s/subagents/agent-1.jsonl"))).containsExactly("s", "p");
  }

  @Test
  void costsAreExactDecimals() throws IOException {
    BigDecimal sum = scan().records().stream().map(UsageRecord::computedCost).filter(java.util.Objects::nonNull)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(sum.scale()).isLessThanOrEqualTo(12);
  }

  private UsageRecord one(String id) throws IOException {
    return scan().records().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
  }

  static void touch(Path p) throws IOException {
    Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
  }
  /**
   * The C library's searches and the Java scanner read the same records: the fixtures plus lines
   * longer than the 4 MiB buffer (marked and not), a torn line and an unterminated tail.
   */
  @Test
  void nativeAndJavaReadersScanTheSameRecords() throws IOException {
    Path home = Fixtures.home(dir);
    String big = "x".repeat(5 << 20);
    Fixtures.write(home.resolve(".claude/projects/-work-long/long.jsonl"), String.join("\n",
        "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"" + big + "\"},\"timestamp\":\"2025-09-01T10:00:00.000Z\"}",
        assistant("msg_LONG1", "req_LONG1", big, 11),
        "{\"type\":\"assistant\",\"message\":{\"id\":\"msg_TORN",
        assistant("msg_LONG2", "req_LONG2", "short", 22),
        assistant("msg_LONG3", "req_LONG3", "tail", 33)));
    ScanResult java = Fixtures.scanner(home).nativeSearch(false).build().scan();
    org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() >= 22, "the foreign-function API needs JDK 22");
    assertThat(LibC.load()).as("C library functions: %s", LibC.unavailableReason()).isTrue();
    ScanResult c = Fixtures.scanner(home).build().scan();
    assertThat(c.records()).isEqualTo(java.records());
    assertThat(c.stats()).isEqualTo(java.stats());
    assertThat(java.records()).extracting(UsageRecord::id)
        .contains("claude-code:msg_LONG1:req_LONG1", "claude-code:msg_LONG2:req_LONG2", "claude-code:msg_LONG3:req_LONG3");
    assertThat(java.stats().malformedLines()).isPositive();
  }

  private static String assistant(String id, String request, String text, int output) {
    return "{\"type\":\"assistant\",\"sessionId\":\"s-long\",\"requestId\":\"" + request + "\",\"timestamp\":\"2025-09-01T10:00:01.000Z\","
        + "\"message\":{\"id\":\"" + id + "\",\"model\":\"claude-sonnet-4-5-20250929\",\"role\":\"assistant\","
        + "\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}],"
        + "\"usage\":{\"input_tokens\":5,\"output_tokens\":" + output + ",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0}}}";
  }
}
