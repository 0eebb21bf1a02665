package io.tokenmaxx.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.sun.net.httpserver.HttpServer;
import io.tokenmaxx.gateway.config.GatewayConfig;
import io.tokenmaxx.gateway.standin.AnthropicStandIn;
import io.tokenmaxx.gateway.standin.OpenAiStandIn;
import io.tokenmaxx.server.ServerAssembly;
import io.tokenmaxx.server.TokenmaxxServer;
import io.tokenmaxx.server.checkin.Webhook;
import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.http.Json;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the official Anthropic and OpenAI SDKs talk to {@code tokenmaxx serve} with the
 * gateway mounted (same port, {@code /anthropic} and {@code /openai/v1}), which forwards to loopback
 * stand-ins of both providers configured only through the {@code TOKENMAXX_GATEWAY_*} variables.
 * The SDK sees what it sees directly; each request appears exactly once in the person's usage,
 * with the stand-in's tokens; budgets show in the API and alert through the signed webhook; a
 * revoked key stops at once; a gateway key opens no other API.
 */
class GatewayInServeTest {
  static final String SECRET = "webhook-secret-0123456789";
  static final String EMAIL = "ana@example.com";

  @TempDir Path dir;
  AnthropicStandIn anthropic;
  OpenAiStandIn openai;
  HttpServer receiver;
  final LinkedBlockingQueue<Map<String, String>> deliveries = new LinkedBlockingQueue<>();
  TokenmaxxServer server;
  ServerAssembly assembly;
  String admin;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void start() throws Exception {
    anthropic = new AnthropicStandIn();
    anthropic.start();
    openai = new OpenAiStandIn();
    openai.start();
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      Map<String, String> d = new HashMap<>();
      d.put("body", new String(body, StandardCharsets.UTF_8));
      d.put("event", ex.getRequestHeaders().getFirst(Webhook.EVENT));
      d.put("valid", Boolean.toString(("sha256=" + Webhook.sign(SECRET.getBytes(StandardCharsets.UTF_8),
          ex.getRequestHeaders().getFirst(Webhook.TIMESTAMP), body)).equals(ex.getRequestHeaders().getFirst(Webhook.SIGNATURE))));
      deliveries.add(d);
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    receiver.start();
    Path config = dir.resolve("tokenmaxx.yaml");
    // 220 tokens a day for ana: the requests of the first test use 37, 138 and 46 tokens (crossing
    // 50 % with the second, 80 and 100 % with the third)
    Files.writeString(config, """
        checkins:
          webhook-url: "http://127.0.0.1:%d/hook"
          webhook-secret: "%s"
        gateway:
          records:
            flush-interval: 5ms
          budgets:
            - {scope: "person:%s", tokens: 220, period: day}
          upstreams:
            - {name: unreachable, protocol: openai, base-url: "http://127.0.0.1:1/v1"}
          routes:
            - model: tiered
              strategy: fallback
              targets:
                - {upstream: unreachable, model: gpt-4o-mini}
                - {upstream: openai, model: gpt-4o-mini}
        """.formatted(receiver.getAddress().getPort(), SECRET, EMAIL));
    Map<String, String> env = Map.of(
        "TOKENMAXX_GATEWAY_ANTHROPIC_BASE_URL", anthropic.baseUrl(),
        "TOKENMAXX_GATEWAY_ANTHROPIC_API_KEY", "sk-ant-upstream",
        "TOKENMAXX_GATEWAY_OPENAI_BASE_URL", openai.baseUrl(),
        "TOKENMAXX_GATEWAY_OPENAI_API_KEY", "sk-openai-upstream");
    ConfigLoader loader = new ConfigLoader().file(config).environment(env)
        .overrides(Map.of("port", "0", "host", "127.0.0.1", "data", dir.resolve("data").toString()));
    GatewayConfig gw = GatewaySettings.load(loader, env, Map.of());
    assembly = new ServerAssembly(loader.load(), Clock.systemUTC()).gateway(gw);
    server = assembly.build().start();
    admin = Files.readString(dir.resolve("data").resolve("admin-token")).trim();
  }

  @AfterEach
  void stop() {
    if (server != null) server.close();
    anthropic.close();
    openai.close();
    receiver.stop(0);
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) b.header("Authorization", "Bearer " + token);
    if (body != null) b.header("Content-Type", "application/json");
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode gatewayKey() throws Exception {
    HttpResponse<String> r = call("POST", "/api/v1/tokens", admin,
        "{\"scope\":\"gateway\",\"person\":\"" + EMAIL + "\",\"description\":\"e2e\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Json.MAPPER.readTree(r.body());
  }

  /** The person's stored records, waiting until {@code n} are there (records leave the request path asynchronously). */
  List<JsonNode> records(int n) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      out.clear();
      HttpResponse<String> r = call("GET", "/api/v1/records?person=" + EMAIL, admin, null);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      for (String line : r.body().split("\n")) if (!line.isBlank()) out.add(Json.MAPPER.readTree(line));
      if (out.size() >= n || System.nanoTime() > deadline) return out;
      Thread.sleep(50);
    }
  }

  static MessageCreateParams question() {
    return MessageCreateParams.builder().model("claude-sonnet-4-5-20250929").maxTokens(64)
        .addUserMessage("What is the capital of France?").build();
  }

  @Test
  void sdkRequestsThroughServeAreAnsweredAsDirectlyAndRecordedOnceForTheirPerson() throws Exception {
    JsonNode key = gatewayKey();
    String secret = key.get("secret").asText();
    assertThat(secret).startsWith("tmx_");
    AnthropicClient direct = AnthropicOkHttpClient.builder().baseUrl(anthropic.baseUrl()).apiKey("sk-direct")
        .maxRetries(0).build();
    AnthropicClient claude = AnthropicOkHttpClient.builder().baseUrl(base() + "/anthropic").apiKey(secret)
        .maxRetries(0).build();
    OpenAIClient gpt = OpenAIOkHttpClient.builder().baseUrl(base() + "/openai/v1").apiKey(secret).maxRetries(0).build();

    AnthropicStandIn.Message answer = new AnthropicStandIn.Message(
        List.of(new AnthropicStandIn.Text("Paris.")), "end_turn", new AnthropicStandIn.Usage(25, 12, 0, 0, 0));
    anthropic.enqueue(answer, answer);
    Message straight = direct.messages().create(question());
    Message through = claude.messages().create(question());
    assertThat(through.content()).isEqualTo(straight.content());
    assertThat(through.usage()).isEqualTo(straight.usage());
    assertThat(anthropic.last().header("x-api-key")).isEqualTo("sk-ant-upstream");

    anthropic.enqueue(new AnthropicStandIn.Message(List.of(new AnthropicStandIn.Text("Paris, since 987.")), "end_turn",
        new AnthropicStandIn.Usage(30, 8, 100, 0, 0)));
    MessageAccumulator acc = MessageAccumulator.create();
    try (StreamResponse<RawMessageStreamEvent> s = claude.messages().createStreaming(question())) {
      s.stream().forEach(acc::accumulate);
    }
    assertThat(acc.message().content().getFirst().asText().text()).isEqualTo("Paris, since 987.");

    openai.enqueue(new OpenAiStandIn.Chat("Bonjour.", new OpenAiStandIn.Usage(40, 6, 10, 0)));
    ChatCompletion chat = gpt.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
        .addUserMessage("Say hello in French").build());
    assertThat(chat.choices().getFirst().message().content()).contains("Bonjour.");
    assertThat(openai.last().header("authorization")).isEqualTo("Bearer sk-openai-upstream");

    List<JsonNode> stored = records(3);
    Thread.sleep(300); // nothing arrives twice
    stored = records(3);
    assertThat(stored).as(stored.toString()).hasSize(3);
    assertThat(stored).allSatisfy(r -> {
      assertThat(r.path("source").asText()).isEqualTo("gateway");
      assertThat(r.path("person").asText()).isEqualTo(EMAIL);
    });
    assertThat(stored.stream().map(r -> r.path("id").asText()).distinct()).hasSize(3);
    String all = stored.toString();
    assertThat(all).contains("claude-sonnet-4-5-20250929", "gpt-4o-mini");
    long input = stored.stream().mapToLong(r -> r.path("inputTokens").asLong()).sum();
    long output = stored.stream().mapToLong(r -> r.path("outputTokens").asLong()).sum();
    long cacheRead = stored.stream().mapToLong(r -> r.path("cacheReadTokens").asLong()).sum();
    assertThat(input).isEqualTo(25 + 30 + 30); // OpenAI's 40 prompt tokens include 10 cached
    assertThat(output).isEqualTo(12 + 8 + 6);
    assertThat(cacheRead).isEqualTo(100 + 10);
    assertThat(stored).allSatisfy(r -> assertThat(r.path("computedCost").isNull()).isFalse());

    // the budget: 37 + 138 + 46 tokens = over 100 % of 220; alerts at 50, 80 and 100 % through the webhook
    HttpResponse<String> b = call("GET", "/api/v1/gateway/budgets", admin, null);
    assertThat(b.statusCode()).as(b.body()).isEqualTo(200);
    JsonNode budget = Json.MAPPER.readTree(b.body()).get("budgets").get(0);
    assertThat(budget.get("scope").asText()).isEqualTo("person:" + EMAIL);
    assertThat(budget.get("consumed").decimalValue()).isEqualByComparingTo("" + (37 + 138 + 46));
    List<Map<String, String>> alerts = new ArrayList<>();
    for (int i = 0; i < 3; i++) alerts.add(deliveries.poll(10, TimeUnit.SECONDS));
    assertThat(alerts).allSatisfy(d -> {
      assertThat(d).isNotNull();
      assertThat(d.get("event")).isEqualTo("gateway.budget");
      assertThat(d.get("valid")).isEqualTo("true");
    });
    assertThat(alerts.stream().map(d -> d.get("body")).toList()).anySatisfy(x -> assertThat(x).contains("\"percent\":50"))
        .anySatisfy(x -> assertThat(x).contains("\"percent\":80")).anySatisfy(x -> assertThat(x).contains("\"percent\":100"));

    // budget used up: the next request is refused in Anthropic's shape
    assertThatThrownBy(() -> claude.messages().create(question())).hasMessageContaining("budget");
  }

  @Test
  void aRevokedKeyStopsAtOnceAndAGatewayKeyOpensNoOtherApi() throws Exception {
    JsonNode key = gatewayKey();
    String secret = key.get("secret").asText();
    AnthropicClient claude = AnthropicOkHttpClient.builder().baseUrl(base() + "/anthropic").apiKey(secret)
        .maxRetries(0).build();
    claude.messages().create(question());

    assertThat(call("GET", "/api/v1/records?person=" + EMAIL, secret, null).statusCode()).isEqualTo(401);
    assertThat(call("POST", "/api/v1/ingest", secret, "{}").statusCode()).isEqualTo(401);

    HttpResponse<String> revoked = call("DELETE", "/api/v1/tokens/" + key.get("id").asText(), admin, null);
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    assertThatThrownBy(() -> claude.messages().create(question())).isInstanceOf(UnauthorizedException.class)
        .hasMessageContaining("revoked");
    assertThat(records(1)).hasSize(1);
  }

  @Test
  void theGatewayApiIsInTheOpenApiDocumentAndBudgetsShowOnlyToWhomTheyConcern() throws Exception {
    HttpResponse<String> r = call("GET", "/api/openapi.json", null, null);
    io.swagger.v3.parser.core.models.SwaggerParseResult parsed = new io.swagger.v3.parser.OpenAPIV3Parser().readContents(r.body());
    assertThat(parsed.getMessages()).isEmpty();
    JsonNode paths = Json.MAPPER.readTree(r.body()).get("paths");
    assertThat(paths.has("/api/v1/gateway/budgets")).isTrue();
    assertThat(paths.get("/api/v1/gateway/savings").get("get").get("operationId").asText()).isEqualTo("gatewaySavings");
    assertThat(paths.has("/api/v1/gateway/records")).isTrue();

    // ana's read token sees her budget; bo's does not; a bad date is named
    String ana = token("read", EMAIL);
    String bo = token("read", "bo@example.com");
    assertThat(Json.MAPPER.readTree(call("GET", "/api/v1/gateway/budgets", ana, null).body()).get("budgets")).hasSize(1);
    assertThat(Json.MAPPER.readTree(call("GET", "/api/v1/gateway/budgets", bo, null).body()).get("budgets")).isEmpty();
    HttpResponse<String> bad = call("GET", "/api/v1/gateway/savings?from=yesterday", ana, null);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("from").contains("yesterday");
    assertThat(Json.MAPPER.readTree(call("GET", "/api/v1/gateway/savings", ana, null).body()).get("rows")).isEmpty();
    // gateway keys need an owner
    HttpResponse<String> ownerless = call("POST", "/api/v1/tokens", admin, "{\"scope\":\"gateway\"}");
    assertThat(ownerless.statusCode()).isEqualTo(400);
    assertThat(ownerless.body()).contains("gateway token is for a person or a team");
  }

  /** The routing decisions the token may see, waiting until {@code n} are there. */
  JsonNode routingDecisions(String token, int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      HttpResponse<String> r = call("GET", "/api/v1/gateway/requests", token, null);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode list = Json.MAPPER.readTree(r.body()).get("requests");
      if (list.size() >= n || System.nanoTime() > deadline) return list;
      Thread.sleep(50);
    }
  }

  @Test
  void everyRequestsRoutingDecisionIsRecordedWithWhatWasTriedWhyAndWhatItCost() throws Exception {
    String secret = gatewayKey().get("secret").asText();
    OpenAIClient gpt = OpenAIOkHttpClient.builder().baseUrl(base() + "/openai/v1").apiKey(secret).maxRetries(0).build();
    openai.enqueue(new OpenAiStandIn.Chat("Bonjour.", new OpenAiStandIn.Usage(40, 6, 0, 0)));
    openai.enqueue(new OpenAiStandIn.Chat("Hallo.", new OpenAiStandIn.Usage(20, 4, 0, 0)));
    // a routed request whose first target cannot be reached, then a request without a route
    gpt.chat().completions().create(ChatCompletionCreateParams.builder().model("tiered")
        .addUserMessage("Say hello in French").build());
    gpt.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
        .addUserMessage("Say hello in German").build());

    JsonNode all = routingDecisions(admin, 2);
    assertThat(all).hasSize(2);
    JsonNode routed = null;
    JsonNode direct = null;
    for (JsonNode d : all) if (d.get("requestedModel").asText().equals("tiered")) routed = d; else direct = d;
    assertThat(routed).as(all.toString()).isNotNull();
    assertThat(routed.get("strategy").asText()).isEqualTo("fallback");
    assertThat(routed.get("person").asText()).isEqualTo(EMAIL);
    assertThat(routed.get("httpStatus").asInt()).isEqualTo(200);
    assertThat(routed.get("upstream").asText()).isEqualTo("openai");
    JsonNode tries = routed.get("attempts");
    assertThat(tries).hasSize(2);
    assertThat(tries.get(0).get("upstream").asText()).isEqualTo("unreachable");
    assertThat(tries.get(0).get("outcome").asText()).isEqualTo("failed");
    assertThat(tries.get(0).get("reason").asText()).isNotBlank();
    assertThat(tries.get(0).hasNonNull("status")).isFalse();
    assertThat(tries.get(1).get("upstream").asText()).isEqualTo("openai");
    assertThat(tries.get(1).get("outcome").asText()).isEqualTo("served");
    assertThat(tries.get(1).get("status").asInt()).isEqualTo(200);
    assertThat(tries.get(1).get("cost").decimalValue()).isPositive();
    assertThat(routed.get("cost").decimalValue()).isEqualByComparingTo(tries.get(1).get("cost").decimalValue());
    assertThat(direct.get("strategy").asText()).isEqualTo("direct");
    assertThat(direct.get("attempts")).hasSize(1);
    assertThat(direct.get("attempts").get(0).get("outcome").asText()).isEqualTo("served");
    assertThat(all.toString()).doesNotContain("Say hello", "Bonjour", "Hallo");

    // ana sees her own requests, bo none; the limit is checked and named
    assertThat(routingDecisions(token("read", EMAIL), 2)).hasSize(2);
    HttpResponse<String> bo = call("GET", "/api/v1/gateway/requests", token("read", "bo@example.com"), null);
    assertThat(Json.MAPPER.readTree(bo.body()).get("requests")).isEmpty();
    assertThat(Json.MAPPER.readTree(call("GET", "/api/v1/gateway/requests?limit=1", admin, null).body())
        .get("requests")).hasSize(1);
    HttpResponse<String> bad = call("GET", "/api/v1/gateway/requests?limit=0", admin, null);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("limit");
    JsonNode paths = Json.MAPPER.readTree(call("GET", "/api/openapi.json", null, null).body()).get("paths");
    assertThat(paths.get("/api/v1/gateway/requests").get("get").get("operationId").asText()).isEqualTo("gatewayRequests");
  }

  @Test
  void aKeysOwnModelsAndStrategyApplyThroughServe() throws Exception {
    // refused at creation, naming the field, and nothing is created
    int before = Json.MAPPER.readTree(call("GET", "/api/v1/tokens", admin, null).body()).get("tokens").size();
    HttpResponse<String> badStrategy = call("POST", "/api/v1/tokens", admin,
        "{\"scope\":\"gateway\",\"person\":\"" + EMAIL + "\",\"strategy\":\"cheapest-first\"}");
    assertThat(badStrategy.statusCode()).isEqualTo(400);
    assertThat(Json.MAPPER.readTree(badStrategy.body()).toString()).contains("strategy")
        .contains("unknown strategy 'cheapest-first'").contains("lowest-latency");
    HttpResponse<String> blankModel = call("POST", "/api/v1/tokens", admin,
        "{\"scope\":\"gateway\",\"person\":\"" + EMAIL + "\",\"models\":[\"tiered\",\" \"]}");
    assertThat(blankModel.statusCode()).isEqualTo(400);
    assertThat(blankModel.body()).contains("models").contains("model name 2 of 2 is blank");
    HttpResponse<String> notAGatewayKey = call("POST", "/api/v1/tokens", admin,
        "{\"scope\":\"read\",\"person\":\"" + EMAIL + "\",\"strategy\":\"cheapest\"}");
    assertThat(notAGatewayKey.statusCode()).isEqualTo(400);
    assertThat(notAGatewayKey.body()).contains("strategy").contains("only a gateway key");
    assertThat(Json.MAPPER.readTree(call("GET", "/api/v1/tokens", admin, null).body()).get("tokens")).hasSize(before);

    HttpResponse<String> made = call("POST", "/api/v1/tokens", admin, "{\"scope\":\"gateway\",\"person\":\"" + EMAIL
        + "\",\"description\":\"tiered only\",\"strategy\":\"Cheapest\",\"models\":[\"tiered\",\"claude-haiku-4-5\"]}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    JsonNode key = Json.MAPPER.readTree(made.body());
    assertThat(key.get("strategy").asText()).isEqualTo("cheapest");
    assertThat(key.get("models").toString()).isEqualTo("[\"tiered\",\"claude-haiku-4-5\"]");
    String secret = key.get("secret").asText();
    JsonNode listed = null;
    for (JsonNode t : Json.MAPPER.readTree(call("GET", "/api/v1/tokens", admin, null).body()).get("tokens")) {
      if (t.get("id").asText().equals(key.get("id").asText())) listed = t;
    }
    assertThat(listed.get("strategy").asText()).isEqualTo("cheapest");
    assertThat(listed.get("models")).hasSize(2);
    // what a standalone gateway reads for the key
    JsonNode remote = Json.MAPPER.readTree(call("GET", "/api/v1/gateway/keys/"
        + io.tokenmaxx.identity.TokenSecrets.hash(secret), admin, null).body());
    assertThat(remote.get("strategy").asText()).isEqualTo("cheapest");
    assertThat(remote.get("models").toString()).isEqualTo("[\"claude-haiku-4-5\",\"tiered\"]");

    OpenAIClient gpt = OpenAIOkHttpClient.builder().baseUrl(base() + "/openai/v1").apiKey(secret).maxRetries(0).build();
    AnthropicClient claude = AnthropicOkHttpClient.builder().baseUrl(base() + "/anthropic").apiKey(secret)
        .maxRetries(0).build();
    // another model is refused in each provider's error shape, before any upstream is called
    int openaiCalls = openai.requestCount();
    assertThatThrownBy(() -> gpt.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-4o-mini")
        .addUserMessage("Say hello in French").build()))
        .isInstanceOf(com.openai.errors.PermissionDeniedException.class)
        .hasMessageContaining("may not use model 'gpt-4o-mini'");
    assertThatThrownBy(() -> claude.messages().create(question()))
        .isInstanceOf(com.anthropic.errors.PermissionDeniedException.class)
        .hasMessageContaining("may not use model 'claude-sonnet-4-5-20250929'");
    assertThat(openai.requestCount()).isEqualTo(openaiCalls);

    // an allowed model is served, routed by the key's strategy rather than the route's (fallback)
    openai.enqueue(new OpenAiStandIn.Chat("Bonjour.", new OpenAiStandIn.Usage(40, 6, 0, 0)));
    ChatCompletion chat = gpt.chat().completions().create(ChatCompletionCreateParams.builder().model("tiered")
        .addUserMessage("Say hello in French").build());
    assertThat(chat.choices().getFirst().message().content()).contains("Bonjour.");
    JsonNode decisions = routingDecisions(admin, 1);
    assertThat(decisions).hasSize(1);
    JsonNode d = decisions.get(0);
    assertThat(d.get("requestedModel").asText()).isEqualTo("tiered");
    assertThat(d.get("keyId").asText()).isEqualTo(key.get("id").asText());
    assertThat(d.get("strategy").asText()).isEqualTo("cheapest");
    assertThat(d.get("httpStatus").asInt()).isEqualTo(200);

    // a key without routing of its own still gets the route's strategy and any model
    String plain = gatewayKey().get("secret").asText();
    openai.enqueue(new OpenAiStandIn.Chat("Hallo.", new OpenAiStandIn.Usage(20, 4, 0, 0)));
    OpenAIOkHttpClient.builder().baseUrl(base() + "/openai/v1").apiKey(plain).maxRetries(0).build()
        .chat().completions().create(ChatCompletionCreateParams.builder().model("tiered")
            .addUserMessage("Say hello in German").build());
    JsonNode both = routingDecisions(admin, 2);
    assertThat(both).hasSize(2);
    assertThat(both.findValuesAsText("strategy")).containsExactlyInAnyOrder("cheapest", "fallback");
  }

  String token(String scope, String person) throws Exception {
    HttpResponse<String> r = call("POST", "/api/v1/tokens", admin, "{\"scope\":\"" + scope + "\",\"person\":\"" + person + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Json.MAPPER.readTree(r.body()).get("secret").asText();
  }
}
