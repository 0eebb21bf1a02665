package io.tokenmaxx.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmaxx.cli.TokenmaxxCli;
import io.tokenmaxx.gateway.standin.AnthropicStandIn;
import io.tokenmaxx.server.ServerAssembly;
import io.tokenmaxx.server.TokenmaxxServer;
import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.config.ServerConfig;
import io.tokenmaxx.server.gateway.GatewaySettings;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tokenmaxx token create --scope gateway} prints a key on its last line; {@code tokenmaxx
 * gateway} started next to an app (here in-process, against the Anthropic stand-in) authenticates
 * it on the server and ships the record there, where it appears in the person's usage once.
 */
class StandaloneGatewayTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  TokenmaxxServer server;
  String url;
  Path admin;
  AnthropicStandIn anthropic;
  String out;
  String err;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void start() throws Exception {
    ConfigLoader loader = new ConfigLoader()
        .overrides(Map.of("port", "0", "host", "127.0.0.1", "data", dir.resolve("data").toString()));
    ServerConfig config = loader.load();
    server = new ServerAssembly(config, Clock.systemUTC()).gateway(GatewaySettings.load(loader, Map.of(), Map.of()))
        .build().start();
    url = "http://127.0.0.1:" + server.port();
    admin = config.adminTokenFile();
    anthropic = new AnthropicStandIn();
    anthropic.start();
  }

  @AfterEach
  void stop() {
    server.close();
    anthropic.close();
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

  String lastLine() {
    String[] lines = out.strip().split("\n");
    return lines[lines.length - 1].strip();
  }

  @Test
  void aStandaloneGatewayShipsItsRecordsToTheServerOnceAndChecksKeysThere() throws Exception {
    assertThat(run("token", "create", "--server", url, "--admin-token-file", admin.toString(),
        "--person", "bo@example.com", "--scope", "gateway")).as(err).isZero();
    String key = lastLine();
    assertThat(key).startsWith("tmx_");
    assertThat(err).contains("created gateway token");
    assertThat(run("token", "create", "--server", url, "--admin-token-file", admin.toString(), "--scope", "gateway"))
        .isNotZero();
    assertThat(err).contains("needs --person EMAIL or --team TEAM");
    assertThat(run("token", "create", "--server", url, "--admin-token-file", admin.toString(),
        "--team", "edge", "--description", "gateway next to the apps")).as(err).isZero();
    String ingest = lastLine();
    assertThat(run("token", "create", "--server", url, "--admin-token-file", admin.toString(),
        "--person", "carl@example.com")).as(err).isZero();
    String personal = lastLine();

    // a person's ingest token cannot speak for a gateway
    GatewayCommand refused = command(personal);
    try (GatewayCommand.Running g = refused.start(env())) {
      AnthropicClient c = client(g, key);
      assertThatThrownBy(() -> c.messages().create(question())).isInstanceOf(UnauthorizedException.class);
    }

    GatewayCommand cmd = command(ingest);
    try (GatewayCommand.Running g = cmd.start(env())) {
      AnthropicClient c = client(g, key);
      anthropic.enqueue(new AnthropicStandIn.Message(List.of(new AnthropicStandIn.Text("Paris.")), "end_turn",
          new AnthropicStandIn.Usage(21, 4, 300, 0, 0)));
      Message m = c.messages().create(question());
      assertThat(m.content().getFirst().asText().text()).isEqualTo("Paris.");
      assertThat(anthropic.last().header("x-api-key")).isEqualTo("sk-upstream");
      assertThatThrownBy(() -> client(g, "tmx_not-a-key").messages().create(question()))
          .isInstanceOf(UnauthorizedException.class);
    } // closing ships what is queued

    List<JsonNode> stored = records("bo@example.com", 1);
    Thread.sleep(200);
    stored = records("bo@example.com", 1);
    assertThat(stored).hasSize(1);
    JsonNode r = stored.getFirst();
    assertThat(r.path("source").asText()).isEqualTo("gateway");
    assertThat(r.path("inputTokens").asLong()).isEqualTo(21);
    assertThat(r.path("outputTokens").asLong()).isEqualTo(4);
    assertThat(r.path("cacheReadTokens").asLong()).isEqualTo(300);
  }

  @Test
  void aKeysAllowedModelsAndStrategyComeFromTheCliAndHoldInAStandaloneGateway() throws Exception {
    String[] base = {"token", "create", "--server", url, "--admin-token-file", admin.toString(), "--person", "bo@example.com"};
    assertThat(run(concat(base, "--scope", "gateway", "--strategy", "fastest"))).isNotZero();
    assertThat(err).contains("strategy").contains("unknown strategy 'fastest'");
    assertThat(run(concat(base, "--scope", "gateway", "--models", "claude-haiku-4-5,,x"))).isNotZero();
    assertThat(err).contains("models").contains("model name 2 of 3 is blank");
    assertThat(run(concat(base, "--scope", "read", "--models", "x"))).isNotZero();
    assertThat(err).contains("--models is for gateway keys only");
    assertThat(run(concat(base, "--scope", "gateway", "--strategy", "lowest-latency", "--models", "claude-haiku-4-5")))
        .as(err).isZero();
    String key = lastLine();
    assertThat(err).contains("strategy lowest-latency, models claude-haiku-4-5");
    assertThat(run("token", "list", "--server", url, "--admin-token-file", admin.toString())).isZero();
    assertThat(out).contains("(strategy lowest-latency, models claude-haiku-4-5)");
    run("token", "create", "--server", url, "--admin-token-file", admin.toString(), "--team", "edge");
    String ingest = lastLine();

    try (GatewayCommand.Running g = command(ingest).start(env())) {
      AnthropicClient c = client(g, key);
      assertThatThrownBy(() -> c.messages().create(question()))
          .isInstanceOf(com.anthropic.errors.PermissionDeniedException.class)
          .hasMessageContaining("may not use model 'claude-sonnet-4-5-20250929'");
      assertThat(anthropic.requestCount()).isZero();
      anthropic.enqueue(new AnthropicStandIn.Message(List.of(new AnthropicStandIn.Text("Paris.")), "end_turn",
          new AnthropicStandIn.Usage(21, 4, 0, 0, 0)));
      Message m = c.messages().create(MessageCreateParams.builder().model("claude-haiku-4-5").maxTokens(64)
          .addUserMessage("What is the capital of France?").build());
      assertThat(m.content().getFirst().asText().text()).isEqualTo("Paris.");
    }
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void passThroughRequestsAreAttributedThroughTheKeyHashAlias() throws Exception {
    run("token", "create", "--server", url, "--admin-token-file", admin.toString(), "--team", "edge");
    String ingest = lastLine();
    run("token", "create", "--server", url, "--admin-token-file", admin.toString(), "--person", "eve@example.com");
    try (GatewayCommand.Running g = command(ingest).start(env())) {
      // Claude Code on a personal key: forwarded unchanged, recorded under the key's hash
      anthropic.enqueue(new AnthropicStandIn.Message(List.of(new AnthropicStandIn.Text("Hi.")), "end_turn",
          new AnthropicStandIn.Usage(9, 2, 0, 0, 0)));
      client(g, "sk-ant-eve-personal-0001").messages().create(question());
      // in the header the client used, not replaced by the gateway's own key
      var got = anthropic.last();
      assertThat(got.header("x-api-key") != null ? got.header("x-api-key") : got.header("authorization"))
          .isIn("sk-ant-eve-personal-0001", "Bearer sk-ant-eve-personal-0001");
    }
    Path keyFile = dir.resolve("eve.key");
    Files.writeString(keyFile, "sk-ant-eve-personal-0001\n");
    assertThat(run("token", "alias", "--server", url, "--admin-token-file", admin.toString(),
        "--person", "eve@example.com", "--key-file", keyFile.toString())).as(err).isZero();
    assertThat(lastLine()).startsWith("api_key:sha256-").doesNotContain("sk-ant");
    // the request made before the alias is hers now
    List<JsonNode> stored = records("eve@example.com", 1);
    assertThat(stored).hasSize(1);
    assertThat(stored.getFirst().path("inputTokens").asLong()).isEqualTo(9);
    assertThat(stored.getFirst().toString()).doesNotContain("sk-ant-eve");
  }

  @Test
  void badRecordsAreRefusedLineByLineAndTheGoodOnesKept() throws Exception {
    run("token", "create", "--server", url, "--admin-token-file", admin.toString(), "--team", "edge");
    String ingest = lastLine();
    // dee is in the directory (a token for her adds her)
    run("token", "create", "--server", url, "--admin-token-file", admin.toString(), "--person", "dee@example.com");
    String good = "{\"usage\":{\"id\":\"gw_1\",\"timestamp\":\"2026-11-02T10:00:00Z\",\"source\":\"gateway\",\"tool\":\"api\","
        + "\"provider\":\"anthropic\",\"model\":\"claude-sonnet-4-5\",\"person\":\"dee@example.com\","
        + "\"inputTokens\":5,\"outputTokens\":1,\"requests\":1},\"httpStatus\":200,\"endpoint\":\"anthropic:/v1/messages\"}";
    String wrongSource = good.replace("\"gateway\"", "\"otel\"").replace("gw_1", "gw_2");
    HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/gateway/records"))
        .header("Authorization", "Bearer " + ingest).POST(HttpRequest.BodyPublishers.ofString(
            good + "\n{not json\n" + wrongSource + "\n")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(resp.statusCode()).as(resp.body()).isEqualTo(200);
    JsonNode a = JSON.readTree(resp.body());
    assertThat(a.get("accepted").asInt()).isEqualTo(1);
    assertThat(a.get("refused")).hasSize(2);
    assertThat(a.get("refused").get(0).get("line").asInt()).isEqualTo(2);
    assertThat(a.get("refused").get(1).get("error").asText()).contains("source").contains("otel");
    assertThat(records("dee@example.com", 1)).hasSize(1);
  }

  GatewayCommand command(String token) {
    GatewayCommand cmd = new GatewayCommand();
    new CommandLine(cmd).parseArgs("--server", url, "--token", token, "--host", "127.0.0.1", "--port", "0",
        "--spill-dir", dir.resolve("spill").toString());
    return cmd;
  }

  Map<String, String> env() {
    return Map.of("TOKENMAXX_GATEWAY_ANTHROPIC_BASE_URL", anthropic.baseUrl(),
        "TOKENMAXX_GATEWAY_ANTHROPIC_API_KEY", "sk-upstream", "TOKENMAXX_GATEWAY_RECORDS_FLUSH_INTERVAL", "5ms");
  }

  static AnthropicClient client(GatewayCommand.Running g, String key) {
    return AnthropicOkHttpClient.builder().baseUrl("http://127.0.0.1:" + g.server().port() + "/anthropic").apiKey(key)
        .maxRetries(0).timeout(Duration.ofSeconds(20)).build();
  }

  static MessageCreateParams question() {
    return MessageCreateParams.builder().model("claude-sonnet-4-5-20250929").maxTokens(64)
        .addUserMessage("What is the capital of France?").build();
  }

  List<JsonNode> records(String person, int n) throws Exception {
    String token = Files.readString(admin).strip();
    List<JsonNode> got = new ArrayList<>();
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      got.clear();
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/records?person=" + person))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) for (String line : r.body().split("\n")) if (!line.isBlank()) got.add(JSON.readTree(line));
      if (got.size() >= n || System.nanoTime() > deadline) return got;
      Thread.sleep(50);
    }
  }
}
