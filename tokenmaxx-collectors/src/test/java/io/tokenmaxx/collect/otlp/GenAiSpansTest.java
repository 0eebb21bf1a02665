package io.tokenmaxx.collect.otlp;

import static io.tokenmaxx.collect.otlp.Otlp.kv;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.Tools;
import io.tokenmaxx.model.UsageRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GenAiSpansTest {
  static final Instant T0 = Instant.parse("2025-06-02T09:00:00Z");
  static final Resource APP = Otlp.resource(kv("service.name", "rag-app"));
  final OtlpDecoder decoder = OtlpDecoder.builder().clock(new MutableClock(T0.plusSeconds(600)))
      .build();

  OtlpBatch decode(ExportTraceServiceRequest request) throws OtlpDecodeException {
    return decoder.decode(Signal.TRACES, request.toByteArray(), ContentType.PROTOBUF, false);
  }

  @Test
  void modelCallSpanBecomesARecordWithCachedInputSplitOut() throws Exception {
    Span chat = Otlp.span("chat claude-sonnet-4-5", 7, 9, T0, T0.plusMillis(1830),
        kv("gen_ai.operation.name", "chat"), kv("gen_ai.system", "anthropic"),
        kv("gen_ai.request.model", "claude-sonnet-4-5"), kv("gen_ai.usage.input_tokens", 5000L),
        kv("gen_ai.usage.cache_read_input_tokens", 3000L),
        kv("gen_ai.usage.cache_creation.input_tokens", 1500L),
        kv("gen_ai.usage.output_tokens", 700L), kv("gen_ai.conversation.id", "conv-1"),
        kv("user.id", "u-1"))
        .toBuilder().setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR))
        .build();
    OtlpBatch batch = decode(Otlp.traces(APP, chat));
    assertThat(batch.usage()).singleElement().satisfies(u -> {
      assertThat(u.id()).startsWith(RecordIds.SPAN_USAGE_PREFIX);
      assertThat(u.tool()).isEqualTo(Tools.API);
      assertThat(u.provider()).isEqualTo("anthropic");
      assertThat(u.project()).isEqualTo("rag-app");
      assertThat(u.sessionId()).isEqualTo("conv-1");
      assertThat(u.identity()).isEqualTo(new RawIdentity(RawIdentity.Kind.USER_ID, "u-1"));
      assertThat(u.inputTokens()).isEqualTo(500);
      assertThat(u.cacheReadTokens()).isEqualTo(3000);
      assertThat(u.cacheWrite5mTokens()).isEqualTo(1500);
      assertThat(u.outputTokens()).isEqualTo(700);
      assertThat(u.latencyMs()).isEqualTo(1830);
      assertThat(u.status()).isEqualTo(UsageRecord.STATUS_ERROR);
      assertThat(u.timestamp()).isEqualTo(T0);
    });
    assertThat(decode(Otlp.traces(APP, chat)).usage()).isEqualTo(batch.usage());
  }

  @Test
  void inputBelowTheCacheCountsIsTakenAsExcludingIt() throws Exception {
    OtlpBatch batch = decode(Otlp.traces(APP, Otlp.span("chat", 1, 2, T0, T0.plusSeconds(1),
        kv("gen_ai.usage.input_tokens", 12L), kv("gen_ai.usage.cache_read_input_tokens", 900L),
        kv("gen_ai.usage.output_tokens", 5L))));
    assertThat(batch.usage()).singleElement().satisfies(u -> {
      assertThat(u.inputTokens()).isEqualTo(12);
      assertThat(u.cacheReadTokens()).isEqualTo(900);
    });
  }

  @Test
  void agentToolAndNonGenAiSpansAndCodingAgentSpansAreIgnored() throws Exception {
    OtlpBatch batch = decode(Otlp.traces(APP,
        Otlp.span("invoke_agent planner", 1, 1, T0, T0.plusSeconds(9),
            kv("gen_ai.operation.name", "invoke_agent"), kv("gen_ai.usage.input_tokens", 99L)),
        Otlp.span("execute_tool search", 1, 2, T0, T0.plusSeconds(1),
            kv("gen_ai.operation.name", "execute_tool")),
        Otlp.span("GET /health", 1, 3, T0, T0.plusSeconds(1)),
        Otlp.span("claude_code.llm_request", 1, 4, T0, T0.plusSeconds(1),
            kv("gen_ai.usage.input_tokens", 5L))));
    assertThat(batch.usage()).isEmpty();
    assertThat(batch.ignored()).isEqualTo(4);
    OtlpBatch agent = decode(Otlp.traces(Otlp.resource(kv("service.name", "claude-code")),
        Otlp.span("chat", 2, 1, T0, T0.plusSeconds(1), kv("gen_ai.usage.input_tokens", 5L))));
    assertThat(agent.usage()).isEmpty();
  }

  @Test
  void spanWithoutValidIdsOrWithBadCountsIsRejected() throws Exception {
    Span noIds = Otlp.span("chat", 1, 1, T0, T0.plusSeconds(1),
        kv("gen_ai.usage.input_tokens", 5L)).toBuilder().clearTraceId().build();
    Span negative = Otlp.span("chat", 1, 2, T0, T0.plusSeconds(1),
        kv("gen_ai.usage.input_tokens", -5L));
    Span words = Otlp.span("chat", 1, 3, T0, T0.plusSeconds(1),
        kv("gen_ai.usage.output_tokens", "many"), kv("gen_ai.usage.input_tokens", 1L));
    OtlpBatch batch = decode(Otlp.traces(APP, noIds, negative, words));
    assertThat(batch.rejected()).isEqualTo(3);
    assertThat(batch.errors()).containsExactly(
        "span 'chat': trace_id must be 16 bytes and span_id 8 bytes, were 0 and 8",
        "span 'chat': attribute 'gen_ai.usage.input_tokens' must not be negative, was -5",
        "span 'chat': attribute 'gen_ai.usage.output_tokens' must be a non-negative integer,"
            + " was string 'many'");
  }
}
