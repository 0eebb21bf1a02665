package io.tokenmaxx.cli.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmaxx.cli.TokenmaxxCli;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.server.ServerAssembly;
import io.tokenmaxx.server.TokenmaxxServer;
import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.config.ServerConfig;
import io.tokenmaxx.storage.UsageQuery;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code push} against a real server: it sends only what the server lacks (new records, and
 * streamed messages that grew), never twice, attributed to the token's person, and retries or stops
 * with a clear message; {@code report --server} then gives the same JSON as the local report.
 */
class PushAndRemoteReportTest {
  @TempDir Path dir;
  ServerAssembly assembly;
  TokenmaxxServer server;
  String url;
  Path admin;
  Path claude;
  String out;
  String err;

  static String assistant(String id, String ts, long in, long out, long cacheRead) {
    return "{\"parentUuid\":null,\"isSidechain\":false,\"userType\":\"external\",\"cwd\":\"/w/app\",\"sessionId\":\"s\","
        + "\"version\":\"2.0.14\",\"message\":{\"id\":\"" + id + "\",\"type\":\"message\",\"role\":\"assistant\","
        + "\"model\":\"claude-sonnet-4-5-20250929\",\"content\":[{\"type\":\"text\",\"text\":\"secret answer text\"}],"
        + "\"usage\":{\"input_tokens\":" + in + ",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":" + cacheRead
        + ",\"output_tokens\":" + out + "}},\"requestId\":\"req_" + id + "\",\"type\":\"assistant\",\"uuid\":\"u\","
        + "\"timestamp\":\"" + ts + "\"}\n";
  }

  @BeforeEach
  void start() throws Exception {
    ServerConfig config = new ConfigLoader()
        .overrides(Map.of("port", "0", "host", "127.0.0.1", "data", dir.resolve("data").toString())).load();
    assembly = new ServerAssembly(config, Clock.systemUTC());
    server = assembly.build().start();
    url = "http://127.0.0.1:" + server.port();
    admin = config.adminTokenFile();
    claude = dir.resolve("home/.claude/projects/-w-app/s1.jsonl");
    for (String d : List.of("home/.codex", "home/.gemini", "home/.qwen", "none")) Files.createDirectories(dir.resolve(d));
    Files.createDirectories(claude.getParent());
    Files.writeString(claude, "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"my secret prompt\"}}\n"
        + assistant("m1", "2026-11-02T10:00:00.000Z", 100, 10, 1000)
        + assistant("m2", "2026-11-02T11:00:00.000Z", 200, 5, 2000)
        + assistant("m2", "2026-11-02T11:00:00.000Z", 200, 20, 2000)); // streamed: the largest copy counts
  }

  @AfterEach
  void stop() {
    server.close();
  }

  int run(String... args) {
    CommandLine cl = TokenmaxxCli.newCommandLine();
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    cl.setOut(new PrintWriter(o));
    cl.setErr(new PrintWriter(e));
    int code = cl.execute(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  String[] push(String token, String... more) {
    List<String> a = new ArrayList<>(List.of("push", "--server", url, "--token", token,
        "--claude-dir", dir.resolve("home/.claude").toString(), "--codex-home", dir.resolve("home/.codex").toString(),
        "--gemini-dir", dir.resolve("home/.gemini").toString(), "--qwen-dir", dir.resolve("home/.qwen").toString(),
        "--state-dir", dir.resolve("state").toString()));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  @Test
  void sendsOnlyWhatTheServerLacksAndReportsFromTheServerMatchTheLocalReport() throws Exception {
    assertThat(run("token", "create", "--server", url, "--admin-token-file", admin.toString(),
        "--person", "ada@example.com")).as(err).isZero();
    String token = out.strip();

    assertThat(run(push(token, "--dry-run"))).as(err).isZero();
    assertThat(out).contains("would send 2 records (2 new, 0 updated)");
    assertThat(run(push(token))).as(err).isZero();
    assertThat(out).contains("sent 2 records (2 new, 0 updated) from 1 files");
    assertThat(run(push(token))).as(err).isZero();
    assertThat(out).contains("sent 0 records").contains("2 already there");

    // a new message and a streamed copy that grew
    Files.writeString(claude, assistant("m3", "2026-11-03T09:00:00.000Z", 50, 7, 0)
        + assistant("m1", "2026-11-02T10:00:00.000Z", 100, 40, 1000), StandardOpenOption.APPEND);
    assertThat(run(push(token))).as(err).isZero();
    assertThat(out).contains("sent 2 records (1 new, 1 updated)");

    var store = assembly.store().usageStore();
    assertThat(store.countUsage()).isEqualTo(3);
    List<UsageRecord> stored = store.records(UsageQuery.all(), 10);
    assertThat(stored).allSatisfy(r -> {
      assertThat(r.person()).isEqualTo("ada@example.com");
      assertThat(r.computedCost()).isPositive();
    });
    assertThat(stored.stream().mapToLong(UsageRecord::outputTokens).sum()).isEqualTo(40 + 20 + 7);
    assertThat(stored.toString()).doesNotContain("secret");

    // the same report from the server's data as from the local logs
    assertThat(run("report", "daily", "--json", "--timezone", "UTC", "--no-cache",
        "--claude-dir", dir.resolve("home/.claude").toString(), "--codex-home", dir.resolve("none").toString(),
        "--gemini-dir", dir.resolve("none").toString(), "--qwen-dir", dir.resolve("none").toString())).as(err).isZero();
    JsonNode local = new ObjectMapper().readTree(out);
    assertThat(run("report", "daily", "--json", "--timezone", "UTC", "--server", url, "--token", token)).as(err).isZero();
    JsonNode remote = new ObjectMapper().readTree(out);
    assertThat(remote.get("daily")).isEqualTo(local.get("daily"));
    assertThat(remote.get("totals")).isEqualTo(local.get("totals"));
    assertThat(remote.at("/totals/totalTokens").asLong()).isEqualTo(100 + 40 + 1000 + 200 + 20 + 2000 + 50 + 7);
  }

  /**
   * A log line with an absurd count (10^16 input tokens: a corrupted line, not usage) would be refused
   * by any store: push says so, sends the rest, and does not try it again; a cost with float noise
   * (Claude Code's older {@code costUSD}) is sent and stored rounded.
   */
  @Test
  void whatNoStoreCouldKeepIsReportedNotSentAndImpreciseCostsAreKept() throws Exception {
    Files.writeString(claude, assistant("m4", "2026-11-04T09:00:00.000Z", 10_000_000_000_000_000L, 1, 0)
        + assistant("m5", "2026-11-04T10:00:00.000Z", 12, 7, 2000).replace("\"requestId\"",
            "\"costUSD\":0.0011159999999999998,\"requestId\""), StandardOpenOption.APPEND);
    assertThat(run("token", "create", "--server", url, "--admin-token-file", admin.toString(),
        "--person", "cy@example.com")).as(err).isZero();
    String token = out.strip();
    assertThat(run(push(token))).as(err).isZero();
    assertThat(out).contains("sent 3 records").contains("1 refused")
        .contains("inputTokens: 10000000000000000 is over the limit");
    assertThat(run(push(token))).as(err).isZero();
    assertThat(out).contains("sent 0 records").doesNotContain("refused");
    List<UsageRecord> stored = assembly.store().usageStore().records(UsageQuery.all(), 10);
    assertThat(stored).hasSize(3).noneMatch(r -> r.inputTokens() > 1_000_000);
    assertThat(stored).filteredOn(r -> r.inputTokens() == 12).singleElement()
        .satisfies(r -> assertThat(r.reportedCost()).isEqualTo(new java.math.BigDecimal("0.001116")));
  }

  @Test
  void aBadTokenStopsWithAMessageAndAnUnreachableServerIsRetriedThenReported() throws Exception {
    assertThat(run(push("tmx_wrong"))).isEqualTo(1);
    assertThat(err).contains("HTTP 401").contains("check the token");
    assertThat(run("report", "daily", "--server", url, "--token", "tmx_wrong")).isEqualTo(1);
    assertThat(err).contains("HTTP 401");

    assertThat(run("token", "create", "--server", url, "--admin-token-file", admin.toString(),
        "--person", "bo@example.com")).isZero();
    String token = out.strip();
    server.close();
    PushCommand push = new PushCommand();
    List<java.time.Duration> waits = new ArrayList<>();
    push.sleeper = waits::add;
    CommandLine cl = new CommandLine(push);
    StringWriter e = new StringWriter();
    cl.setErr(new PrintWriter(e));
    cl.setExecutionExceptionHandler((ex, c, p) -> {
      c.getErr().println("error: " + ex.getMessage());
      return 1;
    });
    assertThat(cl.execute(java.util.Arrays.copyOfRange(push(token), 1, push(token).length))).isEqualTo(1);
    assertThat(e.toString()).contains("gave up after 6 attempts").contains("cannot reach the server");
    assertThat(waits).hasSize(6);
    assertThat(waits.get(1)).isEqualTo(waits.get(0).multipliedBy(2));
  }
}
