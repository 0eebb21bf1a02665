package io.tokenmaxx.collect.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.model.Tools;
import io.tokenmaxx.model.UsageRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Amp, Kimi CLI and Droid, which cannot run here (each needs its vendor's sign-in): their logs in
 * the shapes ccusage 20.0.24's readers and test fixtures document, with exact counts, duplicates,
 * broken files, and the variables that move them.
 */
class DocumentedAgentLogsTest {
  @TempDir
  Path home;

  List<UsageRecord> scan(String tool, Map<String, String> env) throws IOException {
    return LocalLogScanner.builder().home(home).env(env).threads(2).tools(Set.of(tool)).build().scan().records();
  }

  static void write(Path p, String s) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, s);
  }

  @Test
  void ampCountsEachLedgerEventWithTheCacheOfItsAssistantMessage() throws Exception {
    String thread = """
        {"v":195,"id":"T-1","created":1700000000000,"title":"t","messages":[
          {"role":"user","messageId":0,"content":[{"type":"text","text":"hi"}]},
          {"role":"assistant","messageId":1,"usage":{"model":"claude-haiku-4-5-20251001","inputTokens":100,
            "outputTokens":50,"cacheCreationInputTokens":500,"cacheReadInputTokens":200,"totalInputTokens":800,"credits":1.5}},
          {"role":"assistant","messageId":3,"usage":{"model":"claude-sonnet-4-5","inputTokens":7,"outputTokens":9}}],
         "usageLedger":{"events":[
          {"id":"e1","timestamp":"2025-11-23T10:00:00.000Z","model":"claude-haiku-4-5-20251001","credits":1.5,
           "tokens":{"input":100,"output":50},"operationType":"inference","fromMessageId":0,"toMessageId":1},
          {"id":"e2","timestamp":"2025-11-23T10:05:00.000Z","model":"claude-sonnet-4-5","credits":0.2,
           "tokens":{"input":7,"output":9},"fromMessageId":2,"toMessageId":3},
          {"id":"e3","timestamp":"not a time","model":"m","credits":0,"tokens":{"input":1,"output":1}}]}}""";
    write(home.resolve(".local/share/amp/threads/T-1.json"), thread);
    write(home.resolve(".local/share/amp/threads/old/T-1.json"), thread); // a copy: counts once
    write(home.resolve(".local/share/amp/threads/torn.json"), "{\"id\":\"T-2\",\"usageLedger\":{\"ev");
    LocalLogScanner.Builder b = LocalLogScanner.builder().home(home).env(Map.of()).threads(2).tools(Set.of(Tools.AMP));
    ScanResult r = b.build().scan();
    assertThat(r.records()).hasSize(2);
    UsageRecord first = r.records().stream().filter(x -> x.id().equals("amp:T-1:e1")).findFirst().orElseThrow();
    assertThat(first.inputTokens()).isEqualTo(100);
    assertThat(first.outputTokens()).isEqualTo(50);
    assertThat(first.cacheReadTokens()).isEqualTo(200);
    assertThat(first.cacheWrite5mTokens()).isEqualTo(500);
    assertThat(first.sessionId()).isEqualTo("T-1");
    assertThat(first.provider()).isEqualTo("anthropic");
    assertThat(first.timestamp()).isEqualTo(Instant.parse("2025-11-23T10:00:00Z"));
    assertThat(r.stats().duplicatesDropped()).isEqualTo(2);
    assertThat(r.stats().malformedLines()).isEqualTo(1 + 2); // the torn file, the bad event in each copy
    Path moved = Files.move(home.resolve(".local/share/amp"), home.resolve("amp-data"));
    assertThat(scan(Tools.AMP, Map.of("AMP_DATA_DIR", moved.toString()))).hasSize(2);
  }

  @Test
  void kimiCountsStatusUpdatesWithTheConfiguredModel() throws Exception {
    write(home.resolve(".kimi/config.json"), "{\"model\":\"kimi-k2\"}");
    String wire = String.join("\n",
        "{\"type\":\"metadata\",\"protocol_version\":\"1.3\"}",
        "{\"timestamp\":1770983426.420942,\"message\":{\"type\":\"TurnBegin\",\"payload\":{\"user_input\":\"hello\"}}}",
        "{\"timestamp\":1770983427.123,\"message\":{\"type\":\"StatusUpdate\",\"payload\":{\"token_usage\":{\"input_other\":100,"
            + "\"output\":50,\"input_cache_read\":10,\"input_cache_creation\":20},\"message_id\":\"msg-1\"}}}",
        "{\"timestamp\":1770983427.123,\"message\":{\"type\":\"StatusUpdate\",\"payload\":{\"token_usage\":{\"input_other\":100,"
            + "\"output\":50,\"input_cache_read\":10,\"input_cache_creation\":20},\"message_id\":\"msg-1\"}}}",
        "{\"timestamp\":1770983428,\"message\":{\"type\":\"StatusUpdate\",\"payload\":{\"token_usage\":{\"input_other\":0,"
            + "\"output\":0,\"input_cache_read\":0,\"input_cache_creation\":0}}}}",
        "{\"timestamp\":1770983429,\"message\":{\"type\":\"StatusUpdate\",\"payload\":{\"token_usage\":{\"input_ot",
        "");
    write(home.resolve(".kimi/sessions/group/session-a/wire.jsonl"), wire);
    write(home.resolve(".kimi/sessions/group/session-a/other.jsonl"), wire); // not a wire log
    write(home.resolve(".kimi/sessions/nested/path/session/wire.jsonl"), wire); // too deep: not a session
    ScanResult r = LocalLogScanner.builder().home(home).env(Map.of()).threads(2).tools(Set.of(Tools.KIMI)).build().scan();
    assertThat(r.records()).singleElement().satisfies(x -> {
      assertThat(x.timestamp()).isEqualTo(Instant.parse("2026-02-13T11:50:27.123Z"));
      assertThat(x.sessionId()).isEqualTo("session-a");
      assertThat(x.model()).isEqualTo("kimi-k2");
      assertThat(x.provider()).isEqualTo("moonshot");
      assertThat(x.inputTokens()).isEqualTo(100);
      assertThat(x.outputTokens()).isEqualTo(50);
      assertThat(x.cacheWrite5mTokens()).isEqualTo(20);
      assertThat(x.cacheReadTokens()).isEqualTo(10);
    });
    assertThat(r.stats().duplicatesDropped()).isEqualTo(1);
    assertThat(r.stats().malformedLines()).isEqualTo(1);
    Files.delete(home.resolve(".kimi/config.json"));
    assertThat(scan(Tools.KIMI, Map.of())).extracting(UsageRecord::model).containsOnly(KimiLogs.DEFAULT_MODEL);
    Path moved = Files.move(home.resolve(".kimi"), home.resolve("kimi-data"));
    assertThat(scan(Tools.KIMI, Map.of("KIMI_DATA_DIR", moved.toString()))).hasSize(1);
  }

  @Test
  void droidCountsEachSessionsTotalsOnce() throws Exception {
    write(home.resolve(".factory/sessions/session-a.settings.json"), """
        {"model":"Claude-Sonnet-4-[Anthropic]","providerLock":"anthropic","providerLockTimestamp":"2026-05-01T01:02:03.000Z",
         "tokenUsage":{"inputTokens":100,"outputTokens":50,"cacheCreationTokens":20,"cacheReadTokens":10,"thinkingTokens":5}}""");
    write(home.resolve(".factory/sessions/nested/session-c.settings.json"), """
        {"model":"grok-4","providerLock":"x-ai","providerLockTimestamp":"2026-05-03T01:02:03.000Z",
         "tokenUsage":{"inputTokens":10,"outputTokens":20}}""");
    write(home.resolve(".factory/sessions/zero.settings.json"), "{\"model\":\"gpt-5\",\"tokenUsage\":{\"inputTokens\":0}}");
    write(home.resolve(".factory/sessions/ignore.json"), "{\"tokenUsage\":{\"inputTokens\":99}}");
    write(home.resolve(".factory/sessions/broken.settings.json"), "{\"tokenUsage\":");
    ScanResult r = LocalLogScanner.builder().home(home).env(Map.of()).threads(2).tools(Set.of(Tools.DROID)).build().scan();
    assertThat(r.records()).hasSize(2);
    UsageRecord a = r.records().stream().filter(x -> x.sessionId().equals("session-a")).findFirst().orElseThrow();
    assertThat(a.model()).isEqualTo("claude-sonnet-4");
    assertThat(a.provider()).isEqualTo("anthropic");
    assertThat(a.timestamp()).isEqualTo(Instant.parse("2026-05-01T01:02:03Z"));
    assertThat(List.of(a.inputTokens(), a.outputTokens(), a.cacheWrite5mTokens(), a.cacheReadTokens(), a.reasoningTokens()))
        .containsExactly(100L, 50L, 20L, 10L, 5L);
    assertThat(r.records().stream().filter(x -> x.sessionId().equals("session-c")).findFirst().orElseThrow().provider())
        .isEqualTo("xai");
    assertThat(r.stats().malformedLines()).isEqualTo(1);
    assertThat(DroidLogs.modelName("custom:Claude-Opus-4.5-Thinking-[Anthropic]-0")).isEqualTo("claude-opus-4-5-thinking-0");
    Path moved = Files.move(home.resolve(".factory/sessions"), home.resolve("droid-sessions"));
    assertThat(scan(Tools.DROID, Map.of("DROID_SESSIONS_DIR", moved + ", ,"))).hasSize(2);
  }
}
