package io.tokenmaxx.collect.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.cli.TokenmaxxCli;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.server.ServerAssembly;
import io.tokenmaxx.server.TokenmaxxServer;
import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.config.ServerConfig;
import io.tokenmaxx.storage.UsageQuery;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tokenmaxx import} against a real server pulling Anthropic's loopback stand-in: CSV exports
 * (sent, or read with --dry-run), pulls now and of given days, dry-run pulls with the key from a
 * file, the sources' status, and clear errors. (In the stand-in's package, which its test-jar keeps
 * package-private.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportCommandTest {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 4);
  @TempDir static Path dir;
  AnthropicStandIn anthropic;
  TokenmaxxServer server;
  ServerAssembly assembly;
  String url;
  String admin;
  Path csv;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    CommandLine cl = TokenmaxxCli.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  void start() throws Exception {
    anthropic = new AnthropicStandIn(TODAY, 5, 4, false);
    Path data = Files.createDirectories(dir.resolve("data"));
    ServerConfig config = new ConfigLoader().overrides(Map.of("port", "0", "host", "127.0.0.1", "data", data.toString(),
        "importers.anthropic.admin-key", AnthropicStandIn.KEY, "importers.anthropic.base-url", anthropic.baseUrl().toString(),
        "importers.anthropic.backfill", "1d")).load();
    assembly = new ServerAssembly(config, new MutableClock(TODAY.atTime(15, 0).toInstant(ZoneOffset.UTC)));
    server = assembly.build().start();
    url = "http://127.0.0.1:" + server.port();
    admin = Files.readString(config.adminTokenFile()).strip();
    csv = dir.resolve("anthropic-console-usage.csv");
    try (InputStream in = ImportCommandTest.class.getResourceAsStream("/vendor/anthropic-console-usage.csv")) {
      Files.copy(in, csv);
    }
  }

  @AfterAll
  void stop() {
    if (server != null) server.close();
    if (anthropic != null) anthropic.close();
  }

  @Test
  void aCsvExportIsPrintedWithDryRunAndStoredOtherwise() throws Exception {
    Run dry = run("import", csv.toString(), "--vendor", "anthropic", "--dry-run");
    assertThat(dry.out()).startsWith("KIND\tDAY\tIDENTITY").contains("daily\t2026-03-02\t").contains("claude-sonnet-4-5");
    assertThat(dry.err()).contains("dry run:").contains("records would be stored").contains("nothing was sent");
    long lines = dry.out().lines().filter(l -> l.startsWith("daily")).count();
    assertThat(lines).isPositive();
    assertThat(assembly.store().usageStore().records(UsageQuery.all(), 10_000))
        .noneMatch(r -> r.id().startsWith("import:anthropic.console-csv:"));

    Run sent = run("import", csv.toString(), "--vendor", "anthropic", "--server", url, "--token", admin);
    assertThat(sent.out()).contains(lines + " records imported from anthropic-console-usage.csv (anthropic)");
    assertThat(sent.code()).isEqualTo(dry.code()); // 1 when some rows could not be read, in both
    assertThat(assembly.store().usageStore().records(UsageQuery.all(), 10_000).stream()
        .filter(r -> r.id().startsWith("import:anthropic.console-csv:")).count()).isEqualTo(lines);
  }

  @Test
  void pullRunsTheServersSourceNowOrForTheGivenDaysAndStatusShowsIt() {
    Run now = run("import", "pull", "anthropic", "--server", url, "--token", admin);
    assertThat(now.code()).as(now.err()).isZero();
    assertThat(now.out()).contains("anthropic: ").contains("records");
    Run days = run("import", "pull", "anthropic", "--since", "2026-03-02", "--until", "2026-03-02", "--server", url,
        "--token", admin);
    assertThat(days.code()).as(days.err()).isZero();
    assertThat(days.out()).contains("anthropic: 2026-03-02 to 2026-03-02");
    assertThat(assembly.store().usageStore().records(UsageQuery.all(), 100_000).stream().map(UsageRecord::id)
        .anyMatch(id -> id.startsWith("import:anthropic.claude-code:2026-03-02:"))).isTrue();
    assertThat(assembly.store().importCursors().load("anthropic").orElseThrow().completeThrough()).isEqualTo(TODAY);

    Run status = run("import", "status", "--server", url, "--token", admin);
    assertThat(status.code()).isZero();
    assertThat(status.out()).contains("SOURCE").contains("anthropic").contains("ok").doesNotContain(AnthropicStandIn.KEY);
  }

  @Test
  void aDryRunPullReadsTheVendorHereAndStoresNothing() throws Exception {
    Path key = dir.resolve("anthropic.key");
    Files.writeString(key, AnthropicStandIn.KEY + "\n");
    long before = assembly.store().usageStore().countUsage();
    Run dry = run("import", "pull", "anthropic", "--dry-run", "--admin-key-file", key.toString(), "--base-url",
        anthropic.baseUrl().toString(), "--since", "2026-03-02", "--until", "2026-03-02");
    assertThat(dry.code()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("daily\t2026-03-02\temail:dev").contains("outcome\t2026-03-02\t");
    assertThat(dry.err()).contains("dry run: anthropic: 2026-03-02 to 2026-03-02").contains("nothing was stored")
        .doesNotContain(AnthropicStandIn.KEY);
    assertThat(assembly.store().usageStore().countUsage()).isEqualTo(before);
  }

  @Test
  void mistakesAreNamed() {
    assertThat(run("import", csv.toString(), "--server", url, "--token", admin).err()).contains("--vendor");
    assertThat(run("import", csv.toString(), "--vendor", "acme", "--server", url, "--token", admin).err())
        .contains("unknown vendor 'acme'");
    assertThat(run("import", dir.resolve("missing.csv").toString(), "--vendor", "cursor", "--server", url).err())
        .contains("does not exist");
    assertThat(run("import", csv.toString(), "--vendor", "anthropic").err()).contains("--server");
    assertThat(run("import", "pull", "openai", "--server", url, "--token", admin).err())
        .contains("no import source 'openai' is configured");
    assertThat(run("import", "pull", "openai", "--dry-run").err()).contains("TOKENMAXX_IMPORTERS_OPENAI_ADMIN_KEY");
    assertThat(run("import", "pull", "anthropic", "--since", "2026-03-03", "--until", "2026-03-01", "--server", url,
        "--token", admin).err()).contains("is after");
  }
}
