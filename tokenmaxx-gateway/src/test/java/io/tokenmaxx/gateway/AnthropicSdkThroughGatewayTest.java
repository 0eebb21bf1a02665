package io.tokenmaxx.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Base64ImageSource;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.Tool;
import io.tokenmaxx.gateway.record.GatewayRecord;
import io.tokenmaxx.gateway.standin.AnthropicStandIn;
import io.tokenmaxx.gateway.standin.AnthropicStandIn.Usage;
import io.tokenmaxx.gateway.standin.StandInServer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Anthropic's official Java SDK against the Anthropic stand-in, once directly and once through the
 * gateway: the SDK sees the same answers, and the gateway records what the stand-in reported.
 */
class AnthropicSdkThroughGatewayTest {
  static GatewayFixture fx;
  static AnthropicClient direct;
  static AnthropicClient viaGateway;

  static final Usage USAGE = new Usage(1200, 345, 4000, 300, 200);
  static final AnthropicStandIn.Message TEXT = new AnthropicStandIn.Message(
      List.of(new AnthropicStandIn.Text("The capital of France is Paris. It has been since 987.")), "end_turn", USAGE);
  static final AnthropicStandIn.Message TOOL = new AnthropicStandIn.Message(List.of(
      new AnthropicStandIn.Text("Let me look that up."),
      new AnthropicStandIn.ToolUse("toolu_01A", "get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}")),
      "tool_use", new Usage(410, 77, 0, 0, 0));
  static final AnthropicStandIn.Message THINKING = new AnthropicStandIn.Message(List.of(
      new AnthropicStandIn.Thinking("The user wants a number; 6 times 7 is 42.", "sig-abc123"),
      new AnthropicStandIn.Text("42")), "end_turn", new Usage(90, 180, 0, 0, 0));

  @BeforeAll
  static void start() {
    fx = new GatewayFixture();
    direct = AnthropicOkHttpClient.builder().baseUrl(fx.anthropic.baseUrl()).apiKey("sk-direct").maxRetries(0).build();
    viaGateway = AnthropicOkHttpClient.builder().baseUrl(fx.anthropicUrl()).apiKey(fx.key.secret()).maxRetries(0).build();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @BeforeEach
  void clear() {
    fx.anthropic.clear();
    fx.records.clear();
  }

  static MessageCreateParams params(boolean tools) {
    MessageCreateParams.Builder b = MessageCreateParams.builder().model("claude-sonnet-4-5-20250929").maxTokens(1024)
        .system("You are terse.").addUserMessage("What is the capital of France?");
    if (tools) {
      b.addTool(Tool.builder().name("get_weather").description("Weather of a city")
          .inputSchema(Tool.InputSchema.builder().properties(JsonValue.from(Map.of("city", Map.of("type", "string"))))
              .build()).build());
    }
    return b.build();
  }

  @Test
  void textAnswerIsTheSameAndUsageIsRecorded() {
    fx.anthropic.enqueue(TEXT, TEXT);
    Message d = direct.messages().create(params(false));
    Message g = viaGateway.messages().create(params(false));
    assertThat(g).isEqualTo(d);
    assertThat(g.content().get(0).asText().text()).startsWith("The capital of France is Paris");

    GatewayRecord r = fx.nextRecord();
    assertThat(r.usage().inputTokens()).isEqualTo(1200);
    assertThat(r.usage().outputTokens()).isEqualTo(345);
    assertThat(r.usage().cacheReadTokens()).isEqualTo(4000);
    assertThat(r.usage().cacheWrite5mTokens()).isEqualTo(300);
    assertThat(r.usage().cacheWrite1hTokens()).isEqualTo(200);
    assertThat(r.estimated()).isFalse();
    assertThat(r.usage().person()).isEqualTo("p-ada");
    assertThat(r.team()).isEqualTo("team-core");
    assertThat(r.keyId()).isEqualTo(fx.key.key().id());
    assertThat(r.usage().identity().toString()).isEqualTo("api_key:" + fx.key.key().id());
    assertThat(r.usage().source()).isEqualTo("gateway");
    assertThat(r.usage().provider()).isEqualTo("anthropic");
    assertThat(r.requestedModel()).isEqualTo("claude-sonnet-4-5-20250929");
    assertThat(r.servedModel()).isEqualTo("claude-sonnet-4-5-20250929");
    assertThat(r.upstream()).isEqualTo("anthropic");
    assertThat(r.httpStatus()).isEqualTo(200);
    assertThat(r.streamed()).isFalse();
    assertThat(r.strategy()).isEqualTo("direct");
    assertThat(r.ttftMs()).isNotNull();
    assertThat(r.usage().promptHash()).hasSize(64);
    // priced from the catalog at the price in force: Sonnet 4.5 is $3 / $15 per million, reads $0.30,
    // 5-minute writes $3.75, 1-hour writes $6
    assertThat(r.usage().computedCost()).isEqualByComparingTo(new BigDecimal("0.0036").add(new BigDecimal("0.005175"))
        .add(new BigDecimal("0.0012")).add(new BigDecimal("0.001125")).add(new BigDecimal("0.0012")));
    assertThat(r.usage().priceRef()).contains("claude-sonnet-4-5");
    // the upstream got the gateway's credential, never the client's key
    StandInServer.Received got = fx.anthropic.last();
    assertThat(got.header("x-api-key")).isEqualTo(GatewayFixture.ANTHROPIC_UPSTREAM_KEY);
    assertThat(got.headers().values()).noneMatch(v -> v.contains(fx.key.secret()));
    assertThat(got.header("anthropic-version")).isEqualTo(fx.anthropic.received().get(0).header("anthropic-version"));
  }

  @Test
  void streamedAnswerAccumulatesToTheSameMessage() {
    fx.anthropic.enqueue(TEXT, TEXT);
    Message d = accumulate(direct.messages().createStreaming(params(false)));
    Message g = accumulate(viaGateway.messages().createStreaming(params(false)));
    assertThat(g).isEqualTo(d);
    GatewayRecord r = fx.nextRecord();
    assertThat(r.streamed()).isTrue();
    assertThat(r.usage().inputTokens()).isEqualTo(1200);
    assertThat(r.usage().outputTokens()).isEqualTo(345);
    assertThat(r.usage().cacheReadTokens()).isEqualTo(4000);
    assertThat(r.usage().cacheWrite5mTokens()).isEqualTo(300);
    assertThat(r.usage().cacheWrite1hTokens()).isEqualTo(200);
    assertThat(r.estimated()).isFalse();
  }

  @Test
  void toolUseAndThinkingPassThroughStreamedAndNot() {
    fx.anthropic.enqueue(TOOL, TOOL, TOOL, TOOL, THINKING, THINKING);
    assertThat(viaGateway.messages().create(params(true))).isEqualTo(direct.messages().create(params(true)));
    Message streamed = accumulate(viaGateway.messages().createStreaming(params(true)));
    assertThat(streamed).isEqualTo(accumulate(direct.messages().createStreaming(params(true))));
    assertThat(streamed.content().get(1).asToolUse().name()).isEqualTo("get_weather");
    assertThat(streamed.content().get(1).asToolUse()._input().convert(Map.class)).isEqualTo(Map.of("city", "Paris", "unit", "celsius"));
    MessageCreateParams thinking = params(false).toBuilder().enabledThinking(1024).maxTokens(4096).build();
    Message t = accumulate(viaGateway.messages().createStreaming(thinking));
    assertThat(t).isEqualTo(accumulate(direct.messages().createStreaming(thinking)));
    assertThat(t.content().get(0).asThinking().thinking()).contains("42");
    List<GatewayRecord> rs = fx.records(3);
    assertThat(rs.get(0).usage().inputTokens()).isEqualTo(410);
    assertThat(rs.get(1).usage().outputTokens()).isEqualTo(77);
    assertThat(rs.get(2).usage().outputTokens()).isEqualTo(180);
  }

  @Test
  void imagesReachTheUpstreamUnchanged() {
    String png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    MessageCreateParams p = MessageCreateParams.builder().model("claude-sonnet-4-5-20250929").maxTokens(100)
        .addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofText("What is in this image?"),
            ContentBlockParam.ofImage(Base64ImageSource.builder().mediaType(Base64ImageSource.MediaType.IMAGE_PNG).data(png).build())))
        .build();
    viaGateway.messages().create(p);
    String sent = fx.anthropic.last().body();
    assertThat(sent).contains(png).contains("\"media_type\":\"image/png\"");
    fx.nextRecord();
  }

  @Test
  void queryStringsSuchAsClaudeCodesBetaAreKept() throws Exception {
    // Claude Code posts /v1/messages?beta=true with its key in x-api-key
    var http = java.net.http.HttpClient.newHttpClient();
    var res = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(fx.anthropicUrl() + "/v1/messages?beta=true"))
        .header("x-api-key", fx.key.secret()).header("anthropic-version", "2023-06-01")
        .header("anthropic-beta", "interleaved-thinking-2025-05-14").header("user-agent", "claude-cli/2.1.328 (external, cli)")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"model\":\"claude-sonnet-4-5-20250929\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    assertThat(fx.anthropic.last().path()).isEqualTo("/v1/messages");
    assertThat(fx.anthropic.last().query()).isEqualTo("beta=true");
    assertThat(fx.anthropic.last().header("anthropic-beta")).isEqualTo("interleaved-thinking-2025-05-14");
    assertThat(res.headers().firstValue("request-id")).isPresent();
    assertThat(res.headers().firstValue("x-tokenmaxx-request-id")).isPresent();
    GatewayRecord r = fx.nextRecord();
    assertThat(r.usage().tool()).isEqualTo("claude-code");
  }

  @Test
  void countTokensAndModelsAreForwardedWithoutRecords() throws InterruptedException {
    long n = viaGateway.messages().countTokens(MessageCountTokensParams.builder().model("claude-sonnet-4-5-20250929")
        .addUserMessage("How many tokens is this?").build()).inputTokens();
    assertThat(n).isEqualTo(direct.messages().countTokens(MessageCountTokensParams.builder()
        .model("claude-sonnet-4-5-20250929").addUserMessage("How many tokens is this?").build()).inputTokens());
    assertThat(viaGateway.models().list().data()).extracting(m -> m.id())
        .containsExactly("claude-sonnet-4-5-20250929", "claude-haiku-4-5-20251001");
    assertThat(fx.anthropic.last().header("x-api-key")).isEqualTo(GatewayFixture.ANTHROPIC_UPSTREAM_KEY);
    fx.assertNoMoreRecords();
  }

  @Test
  void upstreamErrorsKeepTheirShapeAndStatus() {
    fx.anthropic.enqueue(new StandInServer.Error(429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit",
        Map.of("retry-after", "17")));
    assertThatThrownBy(() -> viaGateway.messages().create(params(false)))
        .isInstanceOfSatisfying(RateLimitException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(429);
          assertThat(e.getMessage()).contains("per-minute rate limit");
          assertThat(e.headers().values("retry-after")).containsExactly("17");
        });
    GatewayRecord r = fx.nextRecord();
    assertThat(r.httpStatus()).isEqualTo(429);
    assertThat(r.usage().status()).isEqualTo("error");
    assertThat(r.error()).contains("429").contains("per-minute rate limit");
    assertThat(r.usage().totalTokens()).isZero();
  }

  @Test
  void unknownAndMissingKeysAreRefusedInAnthropicsShape() {
    int before = fx.anthropic.requestCount();
    AnthropicClient bad = AnthropicOkHttpClient.builder().baseUrl(fx.anthropicUrl()).apiKey("tmx_not-a-real-key")
        .maxRetries(0).build();
    assertThatThrownBy(() -> bad.messages().create(params(false))).isInstanceOfSatisfying(UnauthorizedException.class,
        e -> assertThat(e.getMessage()).contains("unknown gateway key"));
    AnthropicClient none = AnthropicOkHttpClient.builder().baseUrl(fx.anthropicUrl()).apiKey("").maxRetries(0).build();
    assertThatThrownBy(() -> none.messages().create(params(false))).isInstanceOf(UnauthorizedException.class);
    assertThat(fx.anthropic.requestCount()).isEqualTo(before);
  }

  @Test
  void upstreamDroppingMidStreamGivesAnErrorEventAndPartialUsage() {
    fx.anthropic.enqueue(TEXT.dropAfter(5));
    StreamResponse<RawMessageStreamEvent> s = viaGateway.messages().createStreaming(params(false));
    MessageAccumulator acc = MessageAccumulator.create();
    assertThatThrownBy(() -> s.stream().forEach(acc::accumulate)).isInstanceOf(AnthropicServiceException.class)
        .hasMessageContaining("failed mid-stream");
    GatewayRecord r = fx.nextRecord();
    assertThat(r.usage().status()).isEqualTo("error");
    assertThat(r.error()).contains("stream");
    assertThat(r.usage().inputTokens()).isEqualTo(1200);       // message_start arrived
    assertThat(r.usage().cacheReadTokens()).isEqualTo(4000);
    assertThat(r.usage().outputTokens()).isGreaterThanOrEqualTo(1).isLessThan(345); // partial, counted
    assertThat(r.estimated()).isTrue();
  }

  @Test
  void clientDisconnectMidStreamCancelsTheUpstream() throws Exception {
    // a long answer (50 text deltas, 100 ms apart): the SDK cannot drain it when closed, so it drops the connection
    fx.anthropic.enqueue(AnthropicStandIn.text("Paris. ".repeat(57), USAGE).slow(100));
    int aborted = fx.anthropic.streamsAborted();
    int finished = fx.anthropic.streamsFinished();
    StreamResponse<RawMessageStreamEvent> s = viaGateway.messages().createStreaming(params(false));
    var it = s.stream().iterator();
    it.next(); // message_start
    s.close();
    GatewayRecord r = fx.nextRecord();
    assertThat(r.httpStatus()).isEqualTo(499);
    assertThat(r.usage().inputTokens()).isEqualTo(1200);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (fx.anthropic.streamsAborted() == aborted && System.nanoTime() < deadline) Thread.sleep(20);
    assertThat(fx.anthropic.streamsAborted()).isEqualTo(aborted + 1);
    assertThat(fx.anthropic.streamsFinished()).isEqualTo(finished);
  }

  static Message accumulate(StreamResponse<RawMessageStreamEvent> s) {
    try (s) {
      MessageAccumulator acc = MessageAccumulator.create();
      s.stream().forEach(acc::accumulate);
      return acc.message();
    }
  }
}
