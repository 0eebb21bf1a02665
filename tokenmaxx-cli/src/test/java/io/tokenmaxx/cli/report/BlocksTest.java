package io.tokenmaxx.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmaxx.analyze.CostBasis;
import io.tokenmaxx.collect.local.RecordTable;
import io.tokenmaxx.model.UsageRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class BlocksTest {
  static final long HOUR = 3_600_000L;

  @TempDir
  Path dir;
  String out;
  String err;

  /** Runs {@code report blocks} over Claude logs at {@code now}. */
  int blocks(Logs logs, Instant now, String... args) {
    BlocksCommand cmd = new BlocksCommand();
    cmd.clock = Clock.fixed(now, ZoneOffset.UTC);
    CommandLine cl = new CommandLine(cmd);
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    cl.setOut(new PrintWriter(o));
    cl.setErr(new PrintWriter(e));
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(List.of("--claude-dir", logs.claude.toString(), "--no-cache", "-z", "UTC"));
    int code = cl.execute(a.toArray(new String[0]));
    out = o.toString();
    err = e.toString();
    return code;
  }

  Logs logs() {
    String m = "claude-sonnet-4-5-20250929";
    return new Logs(dir).claude("-w-app", "s1",
        Logs.assistant("a", m, "2026-03-02T10:55:00.000Z", 1000, 200, 300, 4000),
        Logs.assistant("b", m, "2026-03-02T12:00:00.000Z", 1000, 200, 0, 0),
        // 5.5 h after the first block's start: a new block, at 15:00, no gap (the last request was 3.5 h before)
        Logs.assistant("c", m, "2026-03-02T15:30:00.000Z", 10, 20, 0, 0, ",\"costUSD\":0.25"),
        // more than 5 h after 15:30: a gap from 20:30 to 23:00
        Logs.assistant("d", m, "2026-03-02T23:00:00.000Z", 100, 50, 0, 0, ",\"costUSD\":0.5"),
        Logs.assistant("e", m, "2026-03-02T23:20:00.000Z", 100, 50, 0, 0, ",\"costUSD\":0.5"));
  }

  @Test
  void blocksGapsActiveBlockAndProjectionAsCcusageComputesThem() throws Exception {
    assertThat(blocks(logs(), Instant.parse("2026-03-02T23:30:00Z"), "--json", "--token-limit", "10000")).as(err).isZero();
    JsonNode b = new ObjectMapper().readTree(out).get("blocks");
    assertThat(b).hasSize(4);
    assertThat(b.get(0).get("id").asText()).isEqualTo("2026-03-02T10:00:00.000Z");
    assertThat(b.get(0).get("endTime").asText()).isEqualTo("2026-03-02T15:00:00.000Z");
    assertThat(b.get(0).get("actualEndTime").asText()).isEqualTo("2026-03-02T12:00:00.000Z");
    assertThat(b.get(0).get("entries").asInt()).isEqualTo(2);
    assertThat(b.get(0).get("tokenCounts").get("inputTokens").asLong()).isEqualTo(2000);
    assertThat(b.get(0).get("tokenCounts").get("cacheCreationInputTokens").asLong()).isEqualTo(300);
    assertThat(b.get(0).get("tokenCounts").get("cacheReadInputTokens").asLong()).isEqualTo(4000);
    assertThat(b.get(0).get("totalTokens").asLong()).isEqualTo(6700);
    assertThat(b.get(0).get("isActive").asBoolean()).isFalse();
    assertThat(b.get(0).get("projection").isNull()).isTrue();
    assertThat(b.get(1).get("id").asText()).isEqualTo("2026-03-02T15:00:00.000Z");
    assertThat(b.get(1).get("burnRate").isNull()).isTrue(); // one request: no rate
    assertThat(b.get(1).get("costUSD").decimalValue()).isEqualByComparingTo("0.25");
    assertThat(b.get(2).get("isGap").asBoolean()).isTrue();
    assertThat(b.get(2).get("id").asText()).isEqualTo("gap-2026-03-02T20:30:00.000Z");
    assertThat(b.get(2).get("endTime").asText()).isEqualTo("2026-03-02T23:00:00.000Z");
    assertThat(b.get(2).get("entries").asInt()).isZero();
    JsonNode active = b.get(3);
    assertThat(active.get("isActive").asBoolean()).isTrue();
    assertThat(active.get("startTime").asText()).isEqualTo("2026-03-02T23:00:00.000Z");
    // 300 tokens in 20 minutes; $1.00 in 20 minutes
    assertThat(active.get("burnRate").get("tokensPerMinute").asDouble()).isEqualTo(15.0);
    assertThat(active.get("burnRate").get("tokensPerMinuteForIndicator").asDouble()).isEqualTo(15.0);
    assertThat(active.get("burnRate").get("costPerHour").asDouble()).isEqualTo(3.0);
    // 4 h 30 min left at 23:30: 300 + 15 x 270 tokens, $1 + $3 x 4.5
    assertThat(active.get("projection").get("remainingMinutes").asLong()).isEqualTo(270);
    assertThat(active.get("projection").get("totalTokens").asLong()).isEqualTo(4350);
    assertThat(active.get("projection").get("totalCost").decimalValue()).isEqualByComparingTo("14.5");
    JsonNode limit = active.get("tokenLimitStatus");
    assertThat(limit.get("limit").asLong()).isEqualTo(10000);
    assertThat(limit.get("projectedUsage").asLong()).isEqualTo(4350);
    assertThat(limit.get("percentUsed").asDouble()).isEqualTo(43.5);
    assertThat(limit.get("status").asText()).isEqualTo("ok");
  }

  @Test
  void tokenLimitMaxIsTheLargestFinishedBlockAndActiveShowsOnlyTheActiveBlock() throws Exception {
    assertThat(blocks(logs(), Instant.parse("2026-03-02T23:30:00Z"), "--json", "-t", "max", "--active")).as(err).isZero();
    JsonNode b = new ObjectMapper().readTree(out).get("blocks");
    assertThat(b).hasSize(1);
    JsonNode limit = b.get(0).get("tokenLimitStatus");
    assertThat(limit.get("limit").asLong()).isEqualTo(6700);
    assertThat(limit.get("status").asText()).isEqualTo("ok");
    // the table names the block, its rate and projection
    assertThat(blocks(logs(), Instant.parse("2026-03-02T23:30:00Z"), "-t", "4000")).as(err).isZero();
    assertThat(out).contains("ACTIVE, 4h 30m left").contains("Burn rate: 15 tokens/min, $3.00/hour")
        .contains("Projected at block end: 4,350 tokens, $14.50").contains("exceeds (108.8% projected)");
  }

  @Test
  void noBlockIsActiveFiveHoursAfterTheLastRequest() throws Exception {
    assertThat(blocks(logs(), Instant.parse("2026-03-03T04:21:00Z"), "--json")).as(err).isZero();
    JsonNode b = new ObjectMapper().readTree(out).get("blocks");
    assertThat(b.get(3).get("isActive").asBoolean()).isFalse();
    assertThat(b.get(3).get("projection").isNull()).isTrue();
    assertThat(blocks(logs(), Instant.parse("2026-03-03T04:21:00Z"), "--json", "--active")).isZero();
    assertThat(new ObjectMapper().readTree(out).get("blocks")).isEmpty();
  }

  @Test
  void badOptionsAreRefusedNamingTheOption() {
    assertThat(blocks(logs(), Instant.now(), "--token-limit", "lots")).isEqualTo(2);
    assertThat(err).contains("--token-limit must be a positive number of tokens or 'max', was 'lots'");
    assertThat(blocks(logs(), Instant.now(), "--session-length", "0")).isEqualTo(2);
    assertThat(err).contains("--session-length must be more than 0");
  }

  static Stream<Long> seeds() {
    return LongStreamSeeds.of(20260302L, 12);
  }

  /**
   * On seeded random request times: every request is in exactly one block, blocks are in order and
   * never longer than 5 hours from their hour, a block starts at the hour of its first request,
   * and a gap block stands wherever two requests are more than 5 hours apart.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void blocksPartitionTheRequests(long seed) {
    Random rnd = new Random(seed);
    List<UsageRecord> records = new ArrayList<>();
    long t = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    int n = 1 + rnd.nextInt(300);
    for (int i = 0; i < n; i++) {
      t += rnd.nextInt(4) == 0 ? (long) (rnd.nextDouble() * 12 * HOUR) : (long) (rnd.nextDouble() * 40 * 60_000);
      records.add(UsageRecord.builder().id("r" + i).timestamp(Instant.ofEpochMilli(t)).source("local-logs").tool("claude-code").provider("anthropic")
          .model("m").inputTokens(1 + rnd.nextInt(1000)).outputTokens(rnd.nextInt(100)).requests(1)
          .computedCost(new BigDecimal("0.001")).build());
    }
    java.util.Collections.shuffle(records, rnd);
    long now = t + (long) (rnd.nextDouble() * 7 * HOUR);
    List<Blocks.Block> blocks = Blocks.of(RecordTable.of(records), Blocks.FIVE_HOURS, now, CostBasis.REPORTED_FIRST);
    long entries = 0, tokens = 0;
    Blocks.Block previous = null;
    boolean gapBefore = false;
    int active = 0;
    for (Blocks.Block b : blocks) {
      if (b.active) active++;
      if (b.gap) {
        assertThat(previous).isNotNull();
        assertThat(b.start).isEqualTo(previous.last + Blocks.FIVE_HOURS);
        gapBefore = true;
        continue;
      }
      entries += b.sums.records;
      tokens += b.totalTokens();
      assertThat(b.start % HOUR).isZero();
      assertThat(b.sums.first - b.start).isBetween(0L, HOUR - 1);
      assertThat(b.sums.last - b.start).isLessThanOrEqualTo(Blocks.FIVE_HOURS);
      assertThat(b.end).isEqualTo(b.start + Blocks.FIVE_HOURS);
      if (previous != null) {
        assertThat(b.sums.first).isGreaterThanOrEqualTo(previous.sums.last);
        if (gapBefore) assertThat(b.sums.first - previous.sums.last).isGreaterThan(Blocks.FIVE_HOURS);
        else assertThat(b.sums.first - previous.sums.last).isLessThanOrEqualTo(Blocks.FIVE_HOURS);
      }
      previous = b;
      gapBefore = false;
    }
    assertThat(entries).isEqualTo(n);
    assertThat(tokens).isEqualTo(records.stream().mapToLong(r -> r.inputTokens() + r.outputTokens()).sum());
    assertThat(active).isLessThanOrEqualTo(1);
    Blocks.Block last = blocks.get(blocks.size() - 1);
    assertThat(last.active).isEqualTo(now - last.last < Blocks.FIVE_HOURS && now < last.end);
  }

  /** Seeds for parameterized tests: {@code count} numbers from one seeded generator. */
  static final class LongStreamSeeds {
    static Stream<Long> of(long seed, int count) {
      Random r = new Random(seed);
      return IntStream.range(0, count).mapToObj(i -> r.nextLong());
    }
  }
}
