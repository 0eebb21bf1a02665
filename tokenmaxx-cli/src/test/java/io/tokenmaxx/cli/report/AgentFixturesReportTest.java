package io.tokenmaxx.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmaxx.agents.AgentFixture;
import io.tokenmaxx.agents.AgentFixture.Export;
import io.tokenmaxx.agents.AgentFixture.Tokens;
import io.tokenmaxx.cli.TokenmaxxCli;
import io.tokenmaxx.server.ServerAssembly;
import io.tokenmaxx.server.TokenmaxxServer;
import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.config.ServerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tokenmaxx report} over what the real agents wrote (scripts/capture-agents.sh): over their
 * local logs, and with {@code --server} over a server fed their OTLP exports (plus an app's record
 * of another tool, which the server report includes), the totals are exactly what the stand-ins
 * served, tool by tool, and no model list names a model that served no tokens.
 */
class AgentFixturesReportTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  final List<AgentFixture> all = AgentFixture.all();

  JsonNode report(String... args) throws Exception {
    CommandLine cl = TokenmaxxCli.newCommandLine();
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    cl.setOut(new PrintWriter(o));
    cl.setErr(new PrintWriter(e));
    assertThat(cl.execute(args)).as(e.toString()).isZero();
    return JSON.readTree(o.toString());
  }

  /** The totals a report must show for {@code tokens}, in its ccusage-style fields. */
  static void assertTotals(JsonNode sums, Tokens t) {
    assertThat(sums.get("inputTokens").asLong()).as("input").isEqualTo(t.input());
    assertThat(sums.get("outputTokens").asLong()).as("output, reasoning included").isEqualTo(t.output() + t.reasoning());
    assertThat(sums.get("reasoningOutputTokens").asLong()).as("reasoning").isEqualTo(t.reasoning());
    assertThat(sums.get("cacheReadTokens").asLong()).as("cache read").isEqualTo(t.cacheRead());
    assertThat(sums.get("cacheCreation5mTokens").asLong()).as("cache write 5m").isEqualTo(t.cacheWrite5m());
    assertThat(sums.get("cacheCreation1hTokens").asLong()).as("cache write 1h").isEqualTo(t.cacheWrite1h());
    assertThat(sums.get("totalTokens").asLong()).as("total").isEqualTo(t.total());
  }

  static Map<String, Tokens> expectedByTool(List<AgentFixture> fixtures) {
    Map<String, Tokens> m = new TreeMap<>();
    for (AgentFixture f : fixtures) m.merge(f.agent(), f.expected(), Tokens::plus);
    return m;
  }

  static Map<String, JsonNode> byTool(JsonNode report) {
    Map<String, JsonNode> m = new TreeMap<>();
    for (JsonNode day : report.get("daily")) {
      for (JsonNode b : day.get("breakdown")) {
        assertThat(m.put(b.get("tool").asText(), b)).as("the captures are of one day").isNull();
      }
    }
    return m;
  }

  @Test
  void theLocalReportCountsWhatTheStandInsServed() throws Exception {
    Path home = null;
    for (AgentFixture f : all) home = f.copyHome(dir);
    JsonNode r = report("report", "daily", "--json", "-z", "UTC", "--no-cache", "--by", "tool",
        "--claude-dir", home.resolve(".claude").toString(), "--codex-home", home.resolve(".codex").toString(),
        "--gemini-dir", home.resolve(".gemini/tmp").toString(), "--qwen-dir", home.resolve(".qwen").toString());

    Tokens everything = all.stream().map(AgentFixture::expected).reduce(Tokens.ZERO, Tokens::plus);
    assertTotals(r.get("totals"), everything);
    assertThat(r.get("totals").get("records").asLong()).isEqualTo(everything.requests());
    Map<String, JsonNode> tools = byTool(r);
    Map<String, Tokens> expected = expectedByTool(all);
    assertThat(tools.keySet()).isEqualTo(expected.keySet());
    expected.forEach((tool, t) -> assertTotals(tools.get(tool), t));
    assertThat(r.get("meta").get("scan").get("malformedLines").asLong()).isZero();
    assertThat(r.get("totals").get("unpricedModels")).extracting(JsonNode::asText).containsExactly("qwen3-coder-plus");
  }

  @Test
  void theLocalReportCountsWhatOpenCodeKiloAndCopilotCliLogged() throws Exception {
    List<AgentFixture> more = AgentFixture.logsOnly();
    Path home = null;
    for (AgentFixture f : more) home = f.copyHome(dir);
    JsonNode r = report("report", "daily", "--json", "-z", "UTC", "--no-cache", "--by", "tool",
        "--tools", "opencode,copilot,kilo", "--agent-dir", "opencode=" + home.resolve(".local/share/opencode"),
        "--agent-dir", "copilot-cli=" + home.resolve(".copilot"), "--agent-dir", "kilo=" + home.resolve(".local/share/kilo"));
    Tokens everything = more.stream().map(AgentFixture::expectedInLogs).reduce(Tokens.ZERO, Tokens::plus);
    assertTotals(r.get("totals"), everything);
    assertThat(r.get("totals").get("records").asLong()).isEqualTo(everything.requests());
    Map<String, JsonNode> tools = byTool(r);
    assertThat(tools.keySet()).containsExactlyInAnyOrder("opencode", "copilot-cli", "kilo");
    for (AgentFixture f : more) assertTotals(tools.get(f.agent()), f.expectedInLogs());
    assertThat(r.get("meta").get("scan").get("malformedLines").asLong()).isZero();
    assertThat(r.get("daily").get(0).get("metadata").get("agents")).extracting(JsonNode::asText)
        .containsExactly("copilot", "kilo", "opencode");
  }

  @Test
  void theServerReportCountsEveryToolTheServerStores() throws Exception {
    Instant last = all.stream().map(AgentFixture::lastServedAt).max(Instant::compareTo).orElseThrow();
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), last.plusSeconds(60)));
    ServerConfig config = new ConfigLoader()
        .overrides(Map.of("port", "0", "host", "127.0.0.1", "data", dir.resolve("data").toString())).load();
    TokenmaxxServer server = new ServerAssembly(config, clock).build().start();
    try {
      String url = "http://127.0.0.1:" + server.port();
      Path adminFile = config.adminTokenFile();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String token = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/tokens"))
          .header("Authorization", "Bearer " + Files.readString(adminFile).trim())
          .POST(HttpRequest.BodyPublishers.ofString("{\"scope\":\"ingest\",\"person\":\"dev@example.com\"}")).build(),
          HttpResponse.BodyHandlers.ofString()).body()).get("secret").asText();
      for (AgentFixture f : all) {
        for (Export e : f.exports()) {
          HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + e.path()))
              .header("Authorization", "Bearer " + token).header("Content-Type", e.contentType())
              .POST(HttpRequest.BodyPublishers.ofByteArray(f.body(e)));
          if (e.contentEncoding() != null) b.header("Content-Encoding", e.contentEncoding());
          assertThat(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
      }
      // An app instrumented by hand, through the ingest API: a tool no local log has.
      String app = "{\"id\":\"app-1\",\"timestamp\":\"" + last + "\",\"tool\":\"support-bot\",\"model\":\"gpt-5-mini\","
          + "\"inputTokens\":900,\"outputTokens\":80,\"cacheReadTokens\":300}";
      assertThat(http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/ingest"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("[" + app + "]")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

      JsonNode r = report("report", "daily", "--json", "-z", "UTC", "--by", "tool", "--server", url, "--token", token);

      Map<String, Tokens> expected = expectedByTool(all);
      expected.put("support-bot", new Tokens(900, 80, 300, 0, 0, 0, 1));
      Map<String, JsonNode> tools = byTool(r);
      assertThat(tools.keySet()).isEqualTo(expected.keySet());
      expected.forEach((tool, t) -> assertTotals(tools.get(tool), t));
      assertTotals(r.get("totals"), expected.values().stream().reduce(Tokens.ZERO, Tokens::plus));
      List<String> models = new ArrayList<>();
      for (JsonNode day : r.get("daily")) day.get("modelsUsed").forEach(m -> models.add(m.asText()));
      assertThat(models).doesNotContain("unknown").contains("claude-sonnet-4-5", "gpt-5", "gemini-2.5-flash", "gpt-5-mini");
      assertThat(r.get("totals").get("unpricedModels")).extracting(JsonNode::asText).containsExactly("qwen3-coder-plus");

      JsonNode onlyApp = report("report", "daily", "--json", "-z", "UTC", "--server", url, "--token", token,
          "--tools", "support-bot");
      assertTotals(onlyApp.get("totals"), expected.get("support-bot"));
    } finally {
      server.close();
    }
  }
}
