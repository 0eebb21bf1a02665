package io.tokenmaxx.collect.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.model.UsageRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan with the cache must always give what a scan without it gives, while reading only what
 * changed: appended bytes of grown files, all of rewritten or truncated ones, new files; deleted
 * files drop out.
 */
class IncrementalScanTest {
  @TempDir
  Path dir;
  Path home;
  Path cache;
  Path session;

  @BeforeEach
  void setUp() {
    home = Fixtures.home(dir.resolve("home"));
    cache = dir.resolve("cache/scan.bin");
    session = home.resolve(".claude/projects/-home-dev-app/s1.jsonl");
  }

  /** A scan with the cache, returning once the cache it writes (in the background) is on disk. */
  ScanResult cached() throws IOException {
    LocalLogScanner scanner = Fixtures.scanner(home).cacheFile(cache).build();
    ScanResult r = scanner.scan();
    scanner.awaitCacheWritten();
    return r;
  }

  ScanResult fresh() throws IOException {
    return Fixtures.scanner(home).build().scan();
  }

  static List<String> fingerprint(ScanResult r) {
    return r.records().stream().sorted(Comparator.comparing(UsageRecord::id))
        .map(x -> x.id() + " " + x.timestamp() + " " + x.model() + " " + x.inputTokens() + "/" + x.outputTokens() + "/"
            + x.cacheReadTokens() + "/" + x.cacheWrite5mTokens() + "/" + x.cacheWrite1hTokens() + "/" + x.reasoningTokens()
            + " " + x.computedCost() + " " + x.reportedCost() + " " + x.sessionId() + " " + x.project())
        .toList();
  }

  void assertSameAsFresh(ScanResult r) throws IOException {
    ScanResult f = fresh();
    assertThat(fingerprint(r)).isEqualTo(fingerprint(f));
    assertThat(r.stats().duplicatesDropped()).isEqualTo(f.stats().duplicatesDropped());
    assertThat(r.stats().malformedLines()).isEqualTo(f.stats().malformedLines());
  }

  @Test
  void unchangedLogsAreNotReadAgain() throws IOException {
    ScanResult first = cached();
    assertThat(first.stats().filesParsed()).isEqualTo(first.stats().files());
    ScanResult again = cached();
    assertThat(again.stats().filesCached()).isEqualTo(again.stats().files());
    assertThat(again.stats().bytesRead()).isZero();
    assertSameAsFresh(again);
  }

  /**
   * The cache is a summary (listing, index, result) and the per-file entries beside it: an
   * unchanged re-scan needs the summary only, an append needs the entries of every file; the
   * two must come from the same write.
   */
  @Test
  void theEntriesMustComeFromTheSameWriteAsTheSummary() throws IOException {
    cached();
    Path entries = ScanCache.entriesFile(cache);
    assertThat(entries).exists();
    assertThat(Files.size(cache)).isLessThan(Files.size(entries) + 4096);
    byte[] old = Files.readAllBytes(entries);
    append(session, "\n" + assistant("msg_G", "req_G", 1, 2, "2026-03-03T10:00:00.000Z") + "\n");
    ScanResult appended = cached();
    assertThat(appended.stats().filesAppended()).isEqualTo(1);
    Files.write(entries, old); // entries of the previous write beside the new summary
    ScanResult r = cached();
    assertThat(r.stats().filesParsed()).isEqualTo(r.stats().files());
    assertSameAsFresh(r);
    Files.delete(entries);
    ScanResult without = cached();
    assertThat(without.stats().filesParsed()).isEqualTo(without.stats().files());
    assertSameAsFresh(without);
    assertThat(cached().stats().filesCached()).isEqualTo(without.stats().files());
  }

  @Test
  void appendedLinesAreReadFromWhereTheLastScanStopped() throws IOException {
    cached();
    long before = Files.size(session);
    // the unterminated last line gets its newline, then a new streamed copy and a new message
    append(session, "\n" + assistant("msg_F", "req_F", 4, 20, "2026-03-02T09:02:01.000Z")
        + "\n" + assistant("msg_G", "req_G", 1, 2, "2026-03-03T10:00:00.000Z") + "\n");
    ScanResult r = cached();
    assertThat(r.stats().filesAppended()).isEqualTo(1);
    assertThat(r.stats().bytesRead()).isLessThan(Files.size(session) - before + 1000);
    assertSameAsFresh(r);
    assertThat(r.records()).anySatisfy(x -> {
      assertThat(x.id()).isEqualTo("claude-code:msg_F:req_F");
      assertThat(x.outputTokens()).isEqualTo(20); // the larger copy wins
    });
  }

  @Test
  void appendedCodexCountsContinueFromTheSavedTotals() throws IOException {
    cached();
    Path rollout = home.resolve(".codex/sessions/2026/03/02/rollout-2026-03-02T10-00-00-abc.jsonl");
    append(rollout, "{\"timestamp\":\"2026-03-02T10:02:00.000Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\",\"info\":"
        + "{\"total_token_usage\":{\"input_tokens\":4000,\"cached_input_tokens\":3000,\"output_tokens\":350,\"reasoning_output_tokens\":60,\"total_tokens\":4350}}}}\n");
    ScanResult r = cached();
    assertThat(r.stats().filesAppended()).isEqualTo(1);
    assertSameAsFresh(r);
    assertThat(r.records()).anySatisfy(x -> {
      assertThat(x.timestamp()).hasToString("2026-03-02T10:02:00Z");
      assertThat(x.inputTokens()).isEqualTo(500); // (4000 - 3000) - (3000 - 2500)
      assertThat(x.model()).isEqualTo("gpt-5.2-codex");
    });
  }

  @Test
  void rewrittenFilesAreReadAgain() throws IOException {
    cached();
    String content = Files.readString(session).replace("\"output_tokens\":250", "\"output_tokens\":251");
    Files.writeString(session, content + "\n" + assistant("msg_H", "req_H", 5, 5, "2026-03-04T00:00:00.000Z") + "\n");
    ScanResult r = cached();
    assertThat(r.stats().filesParsed()).isEqualTo(1);
    assertSameAsFresh(r);
    assertThat(r.records()).anyMatch(x -> x.outputTokens() == 251);
  }

  @Test
  void truncatedFilesAreReadAgain() throws IOException {
    cached();
    List<String> lines = Files.readAllLines(session);
    Files.write(session, lines.subList(0, 4));
    ScanResult r = cached();
    assertThat(r.stats().filesParsed()).isEqualTo(1);
    assertSameAsFresh(r);
  }

  @Test
  void aFileReplacedBySameSizeContentIsReadAgain() throws IOException {
    cached();
    String content = Files.readString(session);
    Files.writeString(session, content.replace("\"input_tokens\":10,", "\"input_tokens\":11,"));
    Files.setLastModifiedTime(session, FileTime.fromMillis(Files.getLastModifiedTime(session).toMillis() + 2000));
    ScanResult r = cached();
    assertThat(r.stats().filesCached()).isEqualTo(r.stats().files() - 1);
    assertSameAsFresh(r);
  }

  @Test
  void newAndDeletedFilesAreNoticed() throws IOException {
    ScanResult first = cached();
    Fixtures.write(home.resolve(".claude/projects/-home-dev-other/s9.jsonl"),
        assistant("msg_N", "req_N", 3, 3, "2026-03-05T00:00:00.000Z") + "\n");
    ScanResult added = cached();
    assertThat(added.stats().files()).isEqualTo(first.stats().files() + 1);
    assertThat(added.stats().filesParsed()).isEqualTo(1);
    assertSameAsFresh(added);
    Files.delete(home.resolve(".claude/projects/-home-dev-app/s1/subagents/agent-a1.jsonl"));
    ScanResult removed = cached();
    assertThat(removed.stats().files()).isEqualTo(first.stats().files());
    assertSameAsFresh(removed);
  }

  @Test
  void aDamagedCacheIsIgnored() throws IOException {
    cached();
    Files.write(cache, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
        21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41});
    ScanResult r = cached();
    assertThat(r.stats().filesParsed()).isEqualTo(r.stats().files());
    assertSameAsFresh(r);
    byte[] good = Files.readAllBytes(cache);
    Files.write(cache, java.util.Arrays.copyOf(good, good.length / 2));
    assertSameAsFresh(cached());
  }

  @Test
  void changedPricesArePickedUpWithoutReadingLogs(@TempDir Path tmp) throws IOException {
    cached();
    Path prices = tmp.resolve("prices.json");
    Files.writeString(prices, "{\"claude-sonnet-4-5-20250929\": {\"input_cost_per_token\": 1}}");
    LocalLogScanner scanner = Fixtures.scanner(home).cacheFile(cache)
        .priceCatalog(io.tokenmaxx.pricing.PriceCatalog.bundled().withOverrides(prices)).build();
    ScanResult r = scanner.scan();
    scanner.awaitCacheWritten();
    assertThat(r.stats().bytesRead()).isZero();
    assertThat(r.records()).anySatisfy(x -> {
      assertThat(x.id()).isEqualTo("claude-code:msg_A:req_A");
      assertThat(x.priceRef()).startsWith("override:prices.json");
    });
  }

  static String assistant(String id, String req, long in, long out, String ts) {
    return "{\"parentUuid\":null,\"isSidechain\":false,\"userType\":\"external\",\"cwd\":\"/home/dev/app\",\"sessionId\":\"s1\","
        + "\"version\":\"2.0.14\",\"message\":{\"id\":\"" + id + "\",\"type\":\"message\",\"role\":\"assistant\","
        + "\"model\":\"claude-sonnet-4-5-20250929\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"usage\":{\"input_tokens\":"
        + in + ",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":100,\"output_tokens\":" + out
        + "}},\"requestId\":\"" + req + "\",\"type\":\"assistant\",\"uuid\":\"x\",\"timestamp\":\"" + ts + "\"}";
  }

  static void append(Path p, String s) throws IOException {
    Files.writeString(p, s, StandardOpenOption.APPEND);
    Files.setLastModifiedTime(p, FileTime.fromMillis(Files.getLastModifiedTime(p).toMillis() + 1000));
  }
}
