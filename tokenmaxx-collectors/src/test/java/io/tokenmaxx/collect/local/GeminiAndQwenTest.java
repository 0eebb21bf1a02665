package io.tokenmaxx.collect.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.model.Tools;
import io.tokenmaxx.model.UsageRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeminiAndQwenTest {
  @TempDir
  Path home;

  @BeforeEach
  void logs() {
    Fixtures.copy(Fixtures.resource("local-logs/gemini"), home.resolve(".gemini"));
    Fixtures.copy(Fixtures.resource("local-logs/qwen"), home.resolve(".qwen"));
  }

  List<UsageRecord> records(String tool) throws IOException {
    return LocalLogScanner.builder().home(home).env(Map.of()).build().scan().records().stream()
        .filter(r -> r.tool().equals(tool)).sorted(Comparator.comparing(UsageRecord::timestamp)).toList();
  }

  @Test
  void geminiChatsSplitCachedInputAndThoughts() throws IOException {
    List<UsageRecord> g = records(Tools.GEMINI_CLI);
    assertThat(g).hasSize(3); // g1 and g2 once despite the checkpoint copy; m1 once, its final copy
    UsageRecord g1 = g.get(0);
    assertThat(g1.model()).isEqualTo("gemini-2.5-pro");
    assertThat(g1.inputTokens()).isEqualTo(15327 - 11526 + 7);
    assertThat(g1.cacheReadTokens()).isEqualTo(11526);
    assertThat(g1.outputTokens()).isEqualTo(23);
    assertThat(g1.reasoningTokens()).isEqualTo(919);
    assertThat(g1.totalTokens()).isEqualTo(16276);
    assertThat(g1.provider()).isEqualTo("google");
    assertThat(g1.project()).isEqualTo("9f2c4e");
    assertThat(g1.computedCost()).isNotNull();
    assertThat(g1.id()).isEqualTo("gemini-cli:7d1e0c52-5b7a-4d4e-9a43-1c2f3e4d5a6b:g1");
    UsageRecord m1 = g.get(2);
    assertThat(m1.outputTokens()).isEqualTo(300);
    assertThat(m1.reasoningTokens()).isEqualTo(40);
    assertThat(m1.sessionId()).isEqualTo("session-b");
  }

  @Test
  void qwenCodeUsageMetadataCountsCachedInputOnce() throws IOException {
    List<UsageRecord> q = records(Tools.QWEN_CODE);
    assertThat(q).hasSize(2);
    assertThat(q.get(0).inputTokens()).isEqualTo(3000);
    assertThat(q.get(0).cacheReadTokens()).isEqualTo(9000);
    assertThat(q.get(0).outputTokens()).isEqualTo(400);
    assertThat(q.get(0).totalTokens()).isEqualTo(12_400);
    assertThat(q.get(1).reasoningTokens()).isEqualTo(50); // total minus the parts it names
    assertThat(q.get(0).model()).isEqualTo("qwen3-coder-plus");
    assertThat(q.get(0).project()).isEqualTo("-home-dev-app");
    assertThat(q.get(0).computedCost()).isNull(); // no catalog price: unpriced, never $0
  }

  @Test
  void tornLinesAreCountedAndGeminiRewritesAreReadAgain() throws IOException {
    Path cache = home.resolve("cache.bin");
    ScanResult first = LocalLogScanner.builder().home(home).env(Map.of()).cacheFile(cache).build().scan();
    assertThat(first.stats().malformedLines()).isEqualTo(2); // the cut-off last lines of the Gemini and the Qwen log
    Path chat = home.resolve(".gemini/tmp/9f2c4e/chats/session-2026-03-03T10-00-7d1e.json");
    Files.writeString(chat, Files.readString(chat).replace("\"output\": 50", "\"output\": 70"));
    Files.setLastModifiedTime(chat, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
    LocalLogScanner scanner = LocalLogScanner.builder().home(home).env(Map.of()).cacheFile(cache).build();
    ScanResult again = scanner.scan(); // waits for the first scan's cache write
    scanner.awaitCacheWritten();
    assertThat(again.stats().filesParsed()).isEqualTo(1);
    assertThat(again.records()).anyMatch(r -> r.id().endsWith(":g2") && r.outputTokens() == 70);
  }
}
