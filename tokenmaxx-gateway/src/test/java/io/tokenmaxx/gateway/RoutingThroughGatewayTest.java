package io.tokenmaxx.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.errors.BadRequestException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.tokenmaxx.gateway.record.Attempt;
import io.tokenmaxx.gateway.record.GatewayRecord;
import io.tokenmaxx.gateway.route.MovingAverageStats;
import io.tokenmaxx.gateway.route.Savings;
import io.tokenmaxx.gateway.standin.AnthropicStandIn;
import io.tokenmaxx.gateway.standin.OpenAiStandIn;
import io.tokenmaxx.gateway.standin.StandInServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Brokerage through the gateway with the official OpenAI SDK as the client: fallback on errors,
 * refused connections and hangs; cheapest, lowest-latency and weighted ordering; the cheap-first
 * cascade with each escalation rule, streamed and not; chat completions served by an Anthropic
 * upstream.
 */
class RoutingThroughGatewayTest {
  static OpenAiStandIn backup = new OpenAiStandIn();
  static OpenAiStandIn cheap = new OpenAiStandIn();
  static MovingAverageStats stats = new MovingAverageStats(0.5);
  static GatewayFixture fx;
  static OpenAIClient client;

  @BeforeAll
  static void start() {
    backup.start();
    cheap.start();
    String yaml = """
          upstreams:
            - {name: backup, protocol: openai, provider: backup-cloud, base-url: %s, api-key: sk-backup}
            - {name: cheap, protocol: openai, provider: vllm, base-url: %s}
            - {name: nowhere, protocol: openai, base-url: "http://127.0.0.1:9/v1"}
          routes:
            - model: fallback-model
              strategy: fallback
              targets: [{upstream: openai, model: gpt-4o-mini}, {upstream: backup, model: gpt-4o-mini}]
            - model: refused-model
              targets: [{upstream: nowhere, model: gpt-4o-mini}, {upstream: backup, model: gpt-4o-mini}]
            - model: cheapest-model
              strategy: cheapest
              targets:
                - {upstream: openai, model: big, price: {input: 5, output: 15}}
                - {upstream: backup, model: small, price: {input: 0.1, output: 0.4}}
            - model: fast-model
              strategy: lowest-latency
              targets: [{upstream: openai, model: slow-one}, {upstream: backup, model: fast-one}]
            - model: weighted-model
              strategy: weighted
              targets: [{upstream: openai, model: w, weight: 3}, {upstream: backup, model: w, weight: 1}]
            - model: auto
              strategy: cascade
              escalate-on: [length, refusal, invalid-json, context]
              targets:
                - {upstream: cheap, model: llama-3.1-8b-instruct, price: {input: 0.05, output: 0.08}, context-window: 2000}
                - {upstream: anthropic, model: claude-sonnet-4-5-20250929}
            - model: claude-for-openai-clients
              targets: [{upstream: anthropic, model: claude-haiku-4-5-20251001}]
        """.formatted(backup.baseUrl(), cheap.baseUrl());
    fx = new GatewayFixture(yaml, Clock.systemUTC(), b -> b.routingStats(stats).random(
        java.util.random.RandomGenerator.of("L64X128MixRandom")));
    client = OpenAIOkHttpClient.builder().baseUrl(fx.openaiUrl()).apiKey(fx.key.secret()).maxRetries(0)
        .timeout(Duration.ofSeconds(20)).build();
  }

  @AfterAll
  static void stop() {
    fx.close();
    backup.close();
    cheap.close();
  }

  @BeforeEach
  void clear() {
    fx.openai.clear();
    fx.anthropic.clear();
    backup.clear();
    cheap.clear();
    fx.records.clear();
  }

  static ChatCompletionCreateParams ask(String model) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage("Summarize the plot of Hamlet.").build();
  }

  @Test
  void fallsBackOnServerErrorsRateLimitsRefusedConnectionsAndHangs() {
    fx.openai.enqueue(new StandInServer.Error(503, "server_error", "overloaded"));
    backup.enqueue(new OpenAiStandIn.Chat("from the backup", OpenAiStandIn.Usage.DEFAULT));
    assertThat(client.chat().completions().create(ask("fallback-model")).choices().get(0).message().content())
        .contains("from the backup");
    GatewayRecord r = fx.nextRecord();
    assertThat(r.upstream()).isEqualTo("backup");
    assertThat(r.usage().provider()).isEqualTo("backup-cloud");
    assertThat(r.attempts()).extracting(Attempt::outcome).containsExactly(Attempt.FAILED, Attempt.SERVED);
    assertThat(r.attempts().get(0).status()).isEqualTo(503);
    assertThat(r.attempts().get(0).reason()).contains("503").contains("overloaded");
    assertThat(backup.last().header("authorization")).isEqualTo("Bearer sk-backup");

    fx.openai.enqueue(new StandInServer.Error(429, "rate_limit_error", "slow down"));
    client.chat().completions().create(ask("fallback-model"));
    assertThat(fx.nextRecord().attempts()).extracting(Attempt::status).containsExactly(429, 200);

    client.chat().completions().create(ask("refused-model"));
    GatewayRecord refused = fx.nextRecord();
    assertThat(refused.attempts().get(0).status()).isNull();
    assertThat(refused.attempts().get(0).reason()).startsWith("connection failed");
    assertThat(refused.upstream()).isEqualTo("backup");

    fx.openai.enqueue(new StandInServer.Hang());
    client.chat().completions().create(ask("fallback-model"));
    GatewayRecord hung = fx.nextRecord();
    assertThat(hung.attempts().get(0).reason()).startsWith("timeout");
    assertThat(hung.upstream()).isEqualTo("backup");
  }

  @Test
  void clientErrorsAreNotRetriedElsewhere() {
    fx.openai.enqueue(new StandInServer.Error(400, "invalid_request_error", "messages: too many"));
    assertThatThrownBy(() -> client.chat().completions().create(ask("fallback-model")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("messages: too many");
    assertThat(backup.requestCount()).isZero();
    assertThat(fx.nextRecord().attempts()).hasSize(1);
  }

  @Test
  void anUpstreamThatHangsWithNoFallbackIsAGatewayTimeout() {
    fx.openai.enqueue(new StandInServer.Hang());
    assertThatThrownBy(() -> client.chat().completions().create(ask("gpt-4o-mini")))
        .isInstanceOfSatisfying(OpenAIServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(504);
          assertThat(e.getMessage()).contains("timeout");
        });
    GatewayRecord r = fx.nextRecord();
    assertThat(r.httpStatus()).isEqualTo(504);
    assertThat(r.usage().status()).isEqualTo("error");
  }

  @Test
  void cheapestGoesToTheLowerPriceFirstAndCostsAtTheConfiguredPrice() {
    client.chat().completions().create(ask("cheapest-model"));
    GatewayRecord r = fx.nextRecord();
    assertThat(r.upstream()).isEqualTo("backup");
    assertThat(r.servedModel()).isEqualTo("small");
    // default stand-in usage: 30 prompt, 10 completion at $0.1 / $0.4 per million
    assertThat(r.usage().computedCost()).isEqualByComparingTo("0.000007");
    assertThat(r.usage().priceRef()).isEqualTo("gateway:backup/small");
    assertThat(backup.last().body()).contains("\"model\":\"small\"");
  }

  @Test
  void aKeysStrategyOverridesTheRoutesAndItsModelListIsEnforced() {
    var k = fx.keys.create("p-cy", "team-core", "fallback only", "fallback", java.util.Set.of("cheapest-model"));
    OpenAIClient c = OpenAIOkHttpClient.builder().baseUrl(fx.openaiUrl()).apiKey(k.secret()).maxRetries(0).build();
    c.chat().completions().create(ask("cheapest-model"));
    GatewayRecord r = fx.nextRecord();
    assertThat(r.strategy()).isEqualTo("fallback");
    assertThat(r.upstream()).isEqualTo("openai"); // the configured order, not the cheaper backup
    assertThatThrownBy(() -> c.chat().completions().create(ask("fallback-model")))
        .isInstanceOfSatisfying(OpenAIServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(403);
          assertThat(e.getMessage()).contains("may not use model 'fallback-model'");
        });
  }

  @Test
  void lowestLatencyFollowsTheMovingAverage() {
    stats.observe("openai/slow-one", Duration.ofMillis(900));
    stats.observe("backup/fast-one", Duration.ofMillis(1));
    client.chat().completions().create(ask("fast-model"));
    assertThat(fx.nextRecord().upstream()).isEqualTo("backup");
    stats.observe("backup/fast-one", Duration.ofMillis(5000));
    stats.observe("backup/fast-one", Duration.ofMillis(5000));
    client.chat().completions().create(ask("fast-model"));
    assertThat(fx.nextRecord().upstream()).isEqualTo("openai");
  }

  @Test
  void weightedSplitsByWeight() {
    int n = 200;
    for (int i = 0; i < n; i++) client.chat().completions().create(ask("weighted-model"));
    long first = fx.records(n).stream().filter(r -> r.upstream().equals("openai")).count();
    assertThat(first).isBetween(120L, 180L); // 3:1 of 200 = 150
  }

  @Test
  void cascadeKeepsAGoodCheapAnswerAndRecordsTheSavings() {
    cheap.enqueue(new OpenAiStandIn.Chat("Hamlet avenges his father.", new OpenAiStandIn.Usage(400, 100, 0, 0)));
    ChatCompletion c = client.chat().completions().create(ask("auto"));
    assertThat(c.choices().get(0).message().content().orElseThrow()).contains("Hamlet avenges");
    GatewayRecord r = fx.nextRecord();
    assertThat(r.strategy()).isEqualTo("cascade");
    assertThat(r.upstream()).isEqualTo("cheap");
    assertThat(r.escalation()).isNull();
    assertThat(fx.anthropic.requestCount()).isZero();
    // 400 in, 100 out at $0.05/$0.08 per million vs Sonnet 4.5 at $3/$15
    assertThat(r.totalCost()).isEqualByComparingTo("0.000028");
    assertThat(r.strongCost()).isEqualByComparingTo("0.0027");
    List<Savings.Row> rows = Savings.table(List.of(r.cascadeOutcome()));
    assertThat(rows.get(0).saved()).isEqualByComparingTo("0.002672");
    assertThat(rows.get(0).escalated()).isZero();
  }

  @Test
  void cascadeEscalatesACutOffAnswerToTheStrongModelAcrossProviders() {
    cheap.enqueue(new OpenAiStandIn.Chat("Hamlet is a prince who", new OpenAiStandIn.Usage(400, 2000, 0, 0)).finish("length"));
    fx.anthropic.enqueue(AnthropicStandIn.text("Hamlet, prince of Denmark, avenges his father's murder.",
        new AnthropicStandIn.Usage(420, 60, 0, 0, 0)));
    ChatCompletion c = client.chat().completions().create(ask("auto"));
    assertThat(c.choices().get(0).message().content().orElseThrow()).contains("prince of Denmark");
    assertThat(c.choices().get(0).finishReason().asString()).isEqualTo("stop");
    assertThat(c.usage().orElseThrow().promptTokens()).isEqualTo(420);
    GatewayRecord r = fx.nextRecord();
    assertThat(r.escalation()).isEqualTo("length");
    assertThat(r.upstream()).isEqualTo("anthropic");
    assertThat(r.attempts()).extracting(Attempt::outcome).containsExactly(Attempt.ESCALATED, Attempt.SERVED);
    assertThat(r.attempts().get(0).usage().outputTokens()).isEqualTo(2000);
    assertThat(r.allUsage()).hasSize(2);
    assertThat(r.usage().inputTokens()).isEqualTo(420);
    assertThat(r.usage().provider()).isEqualTo("anthropic");
    // the Anthropic upstream got a Messages request with the gateway's key
    assertThat(fx.anthropic.last().body()).contains("\"max_tokens\":4096").contains("Summarize the plot of Hamlet.");
    assertThat(fx.anthropic.last().header("x-api-key")).isEqualTo(GatewayFixture.ANTHROPIC_UPSTREAM_KEY);
    Savings.Row row = Savings.table(List.of(r.cascadeOutcome())).get(0);
    assertThat(row.escalated()).isEqualTo(1);
    assertThat(row.saved().signum()).isNegative(); // paid for both answers
  }

  @Test
  void cascadeEscalatesRefusalsAndInvalidJson() {
    cheap.enqueue(new OpenAiStandIn.Chat("I cannot help with that.", OpenAiStandIn.Usage.DEFAULT).finish("content_filter"));
    client.chat().completions().create(ask("auto"));
    assertThat(fx.nextRecord().escalation()).isEqualTo("refusal");

    cheap.enqueue(new OpenAiStandIn.Chat("Sure! Here is JSON: {name: Hamlet", OpenAiStandIn.Usage.DEFAULT));
    fx.anthropic.enqueue(AnthropicStandIn.text("{\"name\":\"Hamlet\"}", AnthropicStandIn.Usage.DEFAULT));
    ChatCompletion c = client.chat().completions().create(ask("auto").toBuilder()
        .responseFormat(ResponseFormatJsonObject.builder().build()).build());
    assertThat(c.choices().get(0).message().content()).hasValue("{\"name\":\"Hamlet\"}");
    assertThat(fx.nextRecord().escalation()).isEqualTo("invalid-json");
    assertThat(fx.anthropic.last().body()).contains("valid JSON");

    cheap.enqueue(new OpenAiStandIn.Chat("```json\n{\"name\":\"Hamlet\"}\n```", OpenAiStandIn.Usage.DEFAULT));
    client.chat().completions().create(ask("auto").toBuilder().responseFormat(ResponseFormatJsonObject.builder().build()).build());
    assertThat(fx.nextRecord().escalation()).isNull();
  }

  @Test
  void cascadeSkipsTheCheapModelWhenThePromptDoesNotFit() {
    StringBuilder big = new StringBuilder();
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 3000; i++) big.append("word").append(rnd.nextInt(1000)).append(' ');
    client.chat().completions().create(ChatCompletionCreateParams.builder().model("auto").addUserMessage(big.toString()).build());
    GatewayRecord r = fx.nextRecord();
    assertThat(r.escalation()).isEqualTo("context");
    assertThat(r.attempts().get(0).outcome()).isEqualTo(Attempt.SKIPPED);
    assertThat(r.attempts().get(0).reason()).contains("window of 2000");
    assertThat(cheap.requestCount()).isZero();
  }

  @Test
  void streamedCascadeHoldsTheCheapAnswerUntilItPassesTheRules() {
    cheap.enqueue(new OpenAiStandIn.Chat("A short and fine cheap answer.", OpenAiStandIn.Usage.DEFAULT));
    List<String> parts = new ArrayList<>();
    try (var s = client.chat().completions().createStreaming(ask("auto"))) {
      s.stream().forEach(ch -> ch.choices().forEach(x -> x.delta().content().ifPresent(parts::add)));
    }
    assertThat(String.join("", parts)).isEqualTo("A short and fine cheap answer.");
    GatewayRecord kept = fx.nextRecord();
    assertThat(kept.upstream()).as(kept.toString()).isEqualTo("cheap");

    cheap.enqueue(new OpenAiStandIn.Chat("cut", OpenAiStandIn.Usage.DEFAULT).finish("length"));
    fx.anthropic.enqueue(AnthropicStandIn.text("The strong model streams this answer.", new AnthropicStandIn.Usage(50, 9, 0, 0, 0)));
    parts.clear();
    try (var s = client.chat().completions().createStreaming(ask("auto"))) {
      s.stream().forEach(ch -> ch.choices().forEach(x -> x.delta().content().ifPresent(parts::add)));
    }
    assertThat(String.join("", parts)).isEqualTo("The strong model streams this answer.");
    GatewayRecord r = fx.nextRecord();
    assertThat(r.escalation()).isEqualTo("length");
    assertThat(r.usage().outputTokens()).isEqualTo(9);
    assertThat(r.estimated()).isFalse();
  }

  @Test
  void chatCompletionsServedByAnAnthropicUpstreamWithToolsAndStreaming() {
    AnthropicStandIn.Message tool = new AnthropicStandIn.Message(List.of(new AnthropicStandIn.Text("Checking."),
        new AnthropicStandIn.ToolUse("toolu_9", "get_weather", "{\"city\":\"Oslo\"}")), "tool_use",
        new AnthropicStandIn.Usage(300, 40, 100, 0, 0));
    fx.anthropic.enqueue(tool, tool);
    ChatCompletionCreateParams p = ChatCompletionCreateParams.builder().model("claude-for-openai-clients")
        .addSystemMessage("You can call tools.").addUserMessage("Weather in Oslo?")
        .addFunctionTool(FunctionDefinition.builder().name("get_weather").description("weather").parameters(
            FunctionParameters.builder().putAdditionalProperty("type", JsonValue.from("object")).build()).build())
        .build();
    ChatCompletion c = client.chat().completions().create(p);
    var call = c.choices().get(0).message().toolCalls().orElseThrow().get(0).asFunction();
    assertThat(call.function().name()).isEqualTo("get_weather");
    assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Oslo\"}");
    assertThat(c.choices().get(0).finishReason().asString()).isEqualTo("tool_calls");
    assertThat(c.usage().orElseThrow().promptTokens()).isEqualTo(400);
    assertThat(c.usage().get().promptTokensDetails().orElseThrow().cachedTokens()).hasValue(100L);
    String sent = fx.anthropic.last().body();
    assertThat(sent).contains("\"system\":\"You can call tools.\"").contains("\"input_schema\"")
        .contains("\"model\":\"claude-haiku-4-5-20251001\"");

    ChatCompletion streamed = OpenAiSdkThroughGatewayTest.accumulate(client.chat().completions().createStreaming(p), null);
    var sc = streamed.choices().get(0).message();
    assertThat(sc.content()).hasValue("Checking.");
    assertThat(sc.toolCalls().orElseThrow().get(0).asFunction().function().arguments()).isEqualTo("{\"city\":\"Oslo\"}");
    List<GatewayRecord> rs = fx.records(2);
    assertThat(rs).allSatisfy(r -> {
      assertThat(r.usage().inputTokens()).isEqualTo(300);
      assertThat(r.usage().cacheReadTokens()).isEqualTo(100);
      assertThat(r.usage().outputTokens()).isEqualTo(40);
      assertThat(r.servedModel()).isEqualTo("claude-haiku-4-5-20251001");
    });
  }

  @Test
  void anAnthropicErrorReachesAnOpenAiClientInOpenAisShape() {
    fx.anthropic.enqueue(new StandInServer.Error(400, "invalid_request_error", "max_tokens: too large",
        Map.of()));
    assertThatThrownBy(() -> client.chat().completions().create(ask("claude-for-openai-clients")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("max_tokens: too large");
    fx.nextRecord();
  }
}
