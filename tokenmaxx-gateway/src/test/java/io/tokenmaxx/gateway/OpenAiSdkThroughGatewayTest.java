package io.tokenmaxx.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIException;
import com.openai.errors.UnauthorizedException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.helpers.ResponseAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseStreamEvent;
import io.tokenmaxx.gateway.record.GatewayRecord;
import io.tokenmaxx.gateway.standin.OpenAiStandIn;
import io.tokenmaxx.gateway.standin.OpenAiStandIn.Usage;
import io.tokenmaxx.gateway.standin.StandInServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OpenAI's official Java SDK against the OpenAI stand-in, directly and through the gateway: chat
 * completions, the Responses API, embeddings and models; the usage recorded is the stand-in's.
 */
class OpenAiSdkThroughGatewayTest {
  static GatewayFixture fx;
  static OpenAIClient direct;
  static OpenAIClient viaGateway;

  static final Usage USAGE = new Usage(2048, 300, 1024, 120);
  static final OpenAiStandIn.Chat TEXT = new OpenAiStandIn.Chat("Paris is the capital of France.", USAGE);
  static final OpenAiStandIn.Chat TOOLS = OpenAiStandIn.Chat.tools(List.of(
      new OpenAiStandIn.ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"),
      new OpenAiStandIn.ToolCall("call_2", "get_time", "{\"zone\":\"Europe/Paris\"}")), new Usage(150, 40, 0, 0));

  @BeforeAll
  static void start() {
    fx = new GatewayFixture();
    direct = OpenAIOkHttpClient.builder().baseUrl(fx.openai.baseUrl()).apiKey("sk-direct").maxRetries(0).build();
    viaGateway = OpenAIOkHttpClient.builder().baseUrl(fx.openaiUrl()).apiKey(fx.key.secret()).maxRetries(0).build();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @BeforeEach
  void clear() {
    fx.openai.clear();
    fx.records.clear();
  }

  static ChatCompletionCreateParams chat(boolean tools) {
    ChatCompletionCreateParams.Builder b = ChatCompletionCreateParams.builder().model("gpt-4o-mini")
        .addSystemMessage("Be brief.").addUserMessage("What is the capital of France?");
    if (tools) {
      b.addFunctionTool(FunctionDefinition.builder().name("get_weather").parameters(FunctionParameters.builder()
          .putAdditionalProperty("type", JsonValue.from("object"))
          .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string")))).build()).build());
    }
    return b.build();
  }

  @Test
  void chatCompletionIsTheSameAndUsageIsSplitIntoDisjointFields() {
    fx.openai.enqueue(TEXT, TEXT);
    ChatCompletion d = direct.chat().completions().create(chat(false));
    ChatCompletion g = viaGateway.chat().completions().create(chat(false));
    assertThat(g).isEqualTo(d);
    GatewayRecord r = fx.nextRecord();
    // 2048 prompt tokens of which 1024 cached; 300 completion tokens of which 120 reasoning
    assertThat(r.usage().inputTokens()).isEqualTo(1024);
    assertThat(r.usage().cacheReadTokens()).isEqualTo(1024);
    assertThat(r.usage().outputTokens()).isEqualTo(180);
    assertThat(r.usage().reasoningTokens()).isEqualTo(120);
    assertThat(r.usage().provider()).isEqualTo("openai");
    assertThat(r.endpoint()).isEqualTo("openai:/v1/chat/completions");
    assertThat(r.usage().computedCost()).isNotNull();
    assertThat(fx.openai.last().header("authorization")).isEqualTo("Bearer " + GatewayFixture.OPENAI_UPSTREAM_KEY);
  }

  @Test
  void streamedChatAsksForUsageAndHidesThatChunkFromTheClient() {
    fx.openai.enqueue(TEXT, TEXT);
    List<ChatCompletionChunk> seen = new ArrayList<>();
    ChatCompletion d = accumulate(direct.chat().completions().createStreaming(chat(false)), null);
    ChatCompletion g = accumulate(viaGateway.chat().completions().createStreaming(chat(false)), seen);
    assertThat(g).isEqualTo(d);
    assertThat(seen).allSatisfy(c -> {
      assertThat(c.usage()).isEmpty();
      assertThat(c._usage().isMissing()).as("no usage key at all").isTrue();
      assertThat(c.choices()).isNotEmpty();
    });
    assertThat(fx.openai.received().get(0).body()).doesNotContain("include_usage");
    assertThat(fx.openai.last().body()).contains("\"include_usage\":true");
    GatewayRecord r = fx.nextRecord();
    assertThat(r.streamed()).isTrue();
    assertThat(r.usage().inputTokens()).isEqualTo(1024);
    assertThat(r.usage().outputTokens()).isEqualTo(180);
    assertThat(r.estimated()).isFalse();
  }

  @Test
  void aClientThatAskedForUsageGetsTheUsageChunk() {
    fx.openai.enqueue(TEXT);
    ChatCompletionCreateParams p = chat(false).toBuilder()
        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
    List<ChatCompletionChunk> seen = new ArrayList<>();
    accumulate(viaGateway.chat().completions().createStreaming(p), seen);
    assertThat(seen.get(seen.size() - 1).usage()).hasValueSatisfying(u -> assertThat(u.promptTokens()).isEqualTo(2048));
    assertThat(fx.nextRecord().usage().cacheReadTokens()).isEqualTo(1024);
  }

  @Test
  void toolCallsStreamedAndNot() {
    fx.openai.enqueue(TOOLS, TOOLS, TOOLS, TOOLS);
    assertThat(viaGateway.chat().completions().create(chat(true))).isEqualTo(direct.chat().completions().create(chat(true)));
    ChatCompletion s = accumulate(viaGateway.chat().completions().createStreaming(chat(true)), null);
    assertThat(s).isEqualTo(accumulate(direct.chat().completions().createStreaming(chat(true)), null));
    assertThat(s.choices().get(0).message().toolCalls().orElseThrow()).hasSize(2);
    assertThat(s.choices().get(0).message().toolCalls().get().get(1).asFunction().function().arguments())
        .isEqualTo("{\"zone\":\"Europe/Paris\"}");
    assertThat(fx.records(2)).extracting(r -> r.usage().inputTokens()).containsExactly(150L, 150L);
  }

  @Test
  void responsesApiStreamedAndNot() {
    fx.openai.enqueue(TEXT, TEXT, TEXT, TEXT);
    ResponseCreateParams p = ResponseCreateParams.builder().model("gpt-5-codex").input("Write a haiku").build();
    Response d = direct.responses().create(p);
    assertThat(viaGateway.responses().create(p)).isEqualTo(d);
    ResponseAccumulator da = ResponseAccumulator.create();
    try (StreamResponse<ResponseStreamEvent> s = direct.responses().createStreaming(p)) {
      s.stream().forEach(da::accumulate);
    }
    ResponseAccumulator ga = ResponseAccumulator.create();
    try (StreamResponse<ResponseStreamEvent> s = viaGateway.responses().createStreaming(p)) {
      s.stream().forEach(ga::accumulate);
    }
    assertThat(ga.response()).isEqualTo(da.response());
    List<GatewayRecord> rs = fx.records(2);
    assertThat(rs).allSatisfy(r -> {
      assertThat(r.endpoint()).isEqualTo("openai:/v1/responses");
      assertThat(r.usage().inputTokens()).isEqualTo(1024);
      assertThat(r.usage().cacheReadTokens()).isEqualTo(1024);
      assertThat(r.usage().reasoningTokens()).isEqualTo(120);
      assertThat(r.estimated()).isFalse();
    });
    assertThat(rs.get(1).streamed()).isTrue();
  }

  @Test
  void embeddingsAndModels() throws InterruptedException {
    fx.openai.enqueue(new OpenAiStandIn.Chat("", new Usage(8, 0, 0, 0)));
    var e = viaGateway.embeddings().create(EmbeddingCreateParams.builder().model("text-embedding-3-small")
        .input("hello world").build());
    assertThat(e.data().get(0).embedding()).hasSize(8);
    GatewayRecord r = fx.nextRecord();
    assertThat(r.usage().inputTokens()).isEqualTo(8);
    assertThat(r.usage().outputTokens()).isZero();
    assertThat(viaGateway.models().list().data()).extracting(m -> m.id()).containsExactly("gpt-4o-mini", "gpt-5");
    fx.assertNoMoreRecords();
  }

  @Test
  void upstreamServerErrorsPassThrough() {
    fx.openai.enqueue(new StandInServer.Error(500, "server_error", "The server had an error while processing your request."));
    assertThatThrownBy(() -> viaGateway.chat().completions().create(chat(false)))
        .isInstanceOfSatisfying(InternalServerException.class, x -> {
          assertThat(x.statusCode()).isEqualTo(500);
          assertThat(x.getMessage()).contains("The server had an error");
        });
    assertThat(fx.nextRecord().httpStatus()).isEqualTo(500);
  }

  @Test
  void revokedKeyIsRefusedAtOnce() {
    var k = fx.keys.create("p-bo", "team-core", "revocation");
    OpenAIClient c = OpenAIOkHttpClient.builder().baseUrl(fx.openaiUrl()).apiKey(k.secret()).maxRetries(0).build();
    fx.openai.enqueue(TEXT);
    assertThat(c.chat().completions().create(chat(false)).choices()).hasSize(1);
    fx.keys.revoke(k.key().id());
    int before = fx.openai.requestCount();
    assertThatThrownBy(() -> c.chat().completions().create(chat(false)))
        .isInstanceOfSatisfying(UnauthorizedException.class, x -> assertThat(x.getMessage()).contains("was revoked"));
    assertThat(fx.openai.requestCount()).isEqualTo(before);
  }

  @Test
  void droppedStreamGivesTheClientAnErrorAndRecordsPartialUsage() {
    fx.openai.enqueue(TEXT.dropAfter(3));
    StreamResponse<ChatCompletionChunk> s = viaGateway.chat().completions().createStreaming(chat(false));
    List<ChatCompletionChunk> got = new ArrayList<>();
    assertThatThrownBy(() -> s.stream().forEach(got::add)).isInstanceOf(OpenAIException.class)
        .hasMessageContaining("failed mid-stream");
    assertThat(got).hasSize(3);
    GatewayRecord r = fx.nextRecord();
    assertThat(r.usage().status()).isEqualTo("error");
    assertThat(r.estimated()).isTrue();
    assertThat(r.usage().inputTokens()).isGreaterThan(5);   // the prompt, counted with the tokenizer
    assertThat(r.usage().outputTokens()).isGreaterThan(0);  // the text that did arrive
  }

  @Test
  void aClientLeavingMidStreamClosesTheUpstreamAndTheRecordKeepsWhatWasUsed() throws Exception {
    // a long answer (50 chunks, 100 ms apart): the SDK cannot drain it when closed, so it drops the connection
    fx.openai.enqueue(new OpenAiStandIn.Chat("Paris. ".repeat(57), USAGE).slow(100));
    int aborted = fx.openai.streamsAborted();
    int finished = fx.openai.streamsFinished();
    StreamResponse<ChatCompletionChunk> s = viaGateway.chat().completions().createStreaming(chat(false));
    var it = s.stream().iterator();
    it.next();
    it.next();
    s.close();
    GatewayRecord r = fx.nextRecord();
    assertThat(r.httpStatus()).isEqualTo(499);
    assertThat(r.error()).contains("client closed");
    assertThat(r.usage().outputTokens()).isPositive();
    assertThat(r.estimated()).isTrue();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (fx.openai.streamsAborted() == aborted && System.nanoTime() < deadline) Thread.sleep(20);
    assertThat(fx.openai.streamsAborted()).isEqualTo(aborted + 1);
    assertThat(fx.openai.streamsFinished()).isEqualTo(finished);
  }

  @Test
  void anAnswerWithoutUsageIsCountedWithTheTokenizer() {
    fx.openai.enqueue(new OpenAiStandIn.Chat("one two three four five six seven eight nine ten", USAGE).withoutUsage());
    viaGateway.chat().completions().create(chat(false));
    GatewayRecord r = fx.nextRecord();
    assertThat(r.estimated()).isTrue();
    assertThat(r.usage().outputTokens()).isEqualTo(10);   // o200k: one token per word here
    assertThat(r.usage().inputTokens()).isBetween(8L, 20L);
  }

  static ChatCompletion accumulate(StreamResponse<ChatCompletionChunk> s, List<ChatCompletionChunk> seen) {
    try (s) {
      ChatCompletionAccumulator acc = ChatCompletionAccumulator.create();
      s.stream().forEach(c -> {
        if (seen != null) seen.add(c);
        acc.accumulate(c);
      });
      return acc.chatCompletion();
    }
  }
}
