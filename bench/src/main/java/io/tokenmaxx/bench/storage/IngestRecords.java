package io.tokenmaxx.bench.storage;

import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Realistic usage records for ingest benchmarks: Claude-Code-shaped ids, 200 people, priced. */
final class IngestRecords {
  private IngestRecords() {}

  static List<UsageRecord> generate(long seed, int n, int firstId) {
    Random rnd = new Random(seed);
    Instant start = Instant.parse("2025-01-06T00:00:00Z");
    List<UsageRecord> out = new ArrayList<>(n);
    String[] models = {"claude-sonnet-4-5-20250929", "claude-opus-4-1-20250805", "gpt-5-codex", "claude-haiku-4-5"};
    for (int i = 0; i < n; i++) {
      int id = firstId + i;
      int person = rnd.nextInt(200);
      long input = rnd.nextInt(5_000);
      long output = rnd.nextInt(2_000);
      long cacheRead = rnd.nextInt(150_000);
      out.add(UsageRecord.builder()
          .id("claude-code:msg_01" + Integer.toString(id, 36) + "x7Qk3LmN9pR2:req_011C" + Integer.toHexString(id * 31))
          .timestamp(start.plusMillis(id * 37L))
          .source("otlp").tool("claude-code").provider("anthropic").model(models[rnd.nextInt(models.length)])
          .person("p" + person).identity(RawIdentity.email("person" + person + "@example.com"))
          .sessionId("sess-" + (id / 50)).project("repo-" + (person % 17))
          .inputTokens(input).outputTokens(output).cacheReadTokens(cacheRead)
          .cacheWrite5mTokens(rnd.nextInt(8_000)).reasoningTokens(rnd.nextInt(500))
          .reportedCost(BigDecimal.valueOf(rnd.nextInt(900_000), 8))
          .computedCost(BigDecimal.valueOf(input * 300 + output * 1500 + cacheRead * 30, 8))
          .priceRef("catalog@2025-01-01").latencyMs((long) rnd.nextInt(30_000))
          .build());
    }
    return out;
  }
}
