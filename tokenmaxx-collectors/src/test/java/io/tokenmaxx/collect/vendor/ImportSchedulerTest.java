package io.tokenmaxx.collect.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.importer.ImportCursor;
import io.tokenmaxx.importer.InMemoryImportCursorStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportSchedulerTest {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 4);

  @Test
  void aFailingSourceIsRecordedWithTheVendorsErrorWhileTheOthersKeepRunning() throws Exception {
    MutableClock clock = new MutableClock(TODAY.atTime(15, 0).toInstant(ZoneOffset.UTC));
    InMemoryImportCursorStore cursors = new InMemoryImportCursorStore();
    MemoryImportStore store = new MemoryImportStore();
    RecordingSleeper sleeper = new RecordingSleeper();
    try (AnthropicStandIn anthropic = new AnthropicStandIn(TODAY, 1, 4, false);
         CursorStandIn cursor = new CursorStandIn(TODAY, 2, 4, 3, 2, false)) {
      ImporterConfig good = ImporterConfig.defaults(Vendor.ANTHROPIC, Secret.of(AnthropicStandIn.KEY, "test"), null)
          .withBaseUrl(anthropic.baseUrl()).withBackfillDays(2);
      ImporterConfig wrong = ImporterConfig.defaults(Vendor.CURSOR, Secret.of("key_not_the_right_one", "test"), null)
          .withBaseUrl(cursor.baseUrl()).withBackfillDays(2);
      ImporterConfig unreachable = ImporterConfig.defaults(Vendor.OPENAI, Secret.of("sk-admin-x", "test"), null)
          .withBaseUrl(URI.create("http://127.0.0.1:1")).withBackfillDays(2);
      try (ImportScheduler s = ImportScheduler.builder().clock(clock).cursors(cursors).sink(store).tick(Duration.ofMillis(50))
          .source(VendorImporters.create(good, VendorImporters.httpClient(), clock, sleeper), good)
          .source(VendorImporters.create(wrong, VendorImporters.httpClient(), clock, sleeper), wrong)
          .source(VendorImporters.create(unreachable, VendorImporters.httpClient(), clock, sleeper), unreachable)
          .build()) {
        assertThat(cursors.all()).isEmpty(); // nothing happens before start
        s.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (cursors.all().stream().filter(c -> c.lastSuccess() != null || c.failing()).count() < 3
            && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        ImportCursor a = cursors.load("anthropic").orElseThrow();
        ImportCursor c = cursors.load("cursor").orElseThrow();
        ImportCursor o = cursors.load("openai").orElseThrow();
        assertThat(a.failing()).isFalse();
        assertThat(a.completeThrough()).isEqualTo(TODAY);
        assertThat(c.lastError()).contains("HTTP 401").contains("Invalid API key").doesNotContain("key_not_the_right_one");
        assertThat(o.lastError()).contains("openai").contains("ConnectException");
        assertThat(store.usage.values()).anyMatch(u -> u.id().startsWith("import:anthropic."));
        assertThat(store.usage.values()).noneMatch(u -> u.id().startsWith("import:cursor."));
        assertThat(s.check().ok()).isTrue();
        assertThat(s.status()).extracting(SourceStatus::source).containsExactly("anthropic", "cursor", "openai");
        assertThat(s.status()).filteredOn(SourceStatus::failing).extracting(SourceStatus::source).containsExactly("cursor", "openai");
      }
    }
  }

  @Test
  void backfillStaysWithinWhatTheVendorKeepsAndSettingsAreValidatedByName(@TempDir Path dir) throws Exception {
    ImporterConfig c = ImporterConfig.defaults(Vendor.CURSOR, Secret.of("k", "test"), null).withBackfillDays(1000);
    assertThat(c.effectiveBackfillDays()).isEqualTo(Vendor.CURSOR.retentionDays());
    assertThatThrownBy(() -> new ImporterConfig(Vendor.ANTHROPIC, null, null, null, 30, 3, null, 10))
        .hasMessageContaining("importers.anthropic.admin-key");
    assertThatThrownBy(() -> c.withInterval(Duration.ofSeconds(5))).hasMessageContaining("importers.cursor.interval");
    assertThatThrownBy(() -> c.withBaseUrl(URI.create("ftp://x"))).hasMessageContaining("importers.cursor.base-url");
    assertThatThrownBy(() -> ImporterConfig.defaults(Vendor.GITHUB_COPILOT, Secret.of("k", "t"), " "))
        .hasMessageContaining("importers.github-copilot.organization");
    assertThatThrownBy(() -> Vendor.parse("gemini")).hasMessageContaining("anthropic");
    assertThat(Vendor.parse("GitHub_Copilot")).isEqualTo(Vendor.GITHUB_COPILOT);

    Path file = dir.resolve("key");
    Files.writeString(file, "\n  sk-ant-admin01-from-file \n");
    Secret s = Secret.fromFile(file, "importers.anthropic.admin-key-file");
    assertThat(s.reveal()).isEqualTo("sk-ant-admin01-from-file");
    assertThat(s.toString()).doesNotContain("from-file-").contains("admin-key-file");
    assertThat(s.redact("echo sk-ant-admin01-from-file back")).isEqualTo("echo [redacted] back");
    assertThatThrownBy(() -> Secret.fromFile(dir.resolve("missing"), "importers.openai.admin-key-file"))
        .hasMessageContaining("importers.openai.admin-key-file").hasMessageContaining("missing");
    Files.writeString(file, "   \n");
    assertThatThrownBy(() -> Secret.fromFile(file, "importers.openai.admin-key-file")).hasMessageContaining("is empty");
    assertThatThrownBy(() -> Secret.of("two words", "importers.openai.admin-key")).hasMessageContaining("importers.openai.admin-key")
        .hasMessageNotContaining("two words");
    assertThat(c.toString()).doesNotContain("k,").contains("key from test");
  }

  @Test
  void aOneOffPullLeavesTheCursorAlone() throws Exception {
    MutableClock clock = new MutableClock(TODAY.atTime(15, 0).toInstant(ZoneOffset.UTC));
    InMemoryImportCursorStore cursors = new InMemoryImportCursorStore();
    MemoryImportStore dryRun = new MemoryImportStore();
    try (AnthropicStandIn anthropic = new AnthropicStandIn(TODAY, 3, 3, false)) {
      ImporterConfig c = ImporterConfig.defaults(Vendor.ANTHROPIC, Secret.of(AnthropicStandIn.KEY, "test"), null)
          .withBaseUrl(anthropic.baseUrl());
      try (ImportScheduler s = ImportScheduler.builder().clock(clock).cursors(cursors).sink(new MemoryImportStore())
          .source(VendorImporters.create(c, VendorImporters.httpClient(), clock, new RecordingSleeper()), c).build()) {
        RunResult r = s.pull("anthropic", TODAY.minusDays(2), TODAY, dryRun);
        assertThat(r.ok()).isTrue();
        assertThat(r.through()).isEqualTo(TODAY);
        assertThat(Served.tokens(dryRun.usageTotals())).isEqualTo(Served.tokens(anthropic.served(TODAY.minusDays(2), TODAY).usage));
        assertThat(cursors.all()).isEmpty();
        assertThatThrownBy(() -> s.pull("cursor", TODAY, TODAY, dryRun)).hasMessageContaining("configured: [anthropic]");
        assertThatThrownBy(() -> s.pull("anthropic", TODAY, TODAY.minusDays(1), dryRun)).hasMessageContaining("after");
      }
    }
  }

  @Test
  void closedSchedulerIsUnhealthyAndClosingTwiceIsHarmless() {
    ImportScheduler s = ImportScheduler.builder().cursors(new InMemoryImportCursorStore()).sink(new MemoryImportStore()).build();
    assertThat(s.check().ok()).isTrue();
    s.close();
    s.close();
    assertThat(s.check().ok()).isFalse();
    assertThat(s.runDue()).isEqualTo(List.of());
  }
}
