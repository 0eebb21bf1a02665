package io.tokenmaxx.collect.otlp;

import static io.tokenmaxx.collect.otlp.Otlp.DELTA;
import static io.tokenmaxx.collect.otlp.Otlp.kv;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.tokenmaxx.model.Tools;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tokens are counted once when the same requests arrive as metrics and as events or spans. */
class ReconciliationTest {
  static final Instant T0 = Instant.parse("2025-06-02T09:00:00Z");
  static final Resource CLAUDE = Otlp.resource(kv("service.name", "claude-code"));

  final RecordingStore store = new RecordingStore();
  final OtlpDecoder decoder = OtlpDecoder.builder().clock(new MutableClock(T0.plusSeconds(600)))
      .build();

  OtlpBatch decode(Signal signal, Message request) throws OtlpDecodeException {
    return decoder.decode(signal, request.toByteArray(), ContentType.PROTOBUF, false);
  }

  OtlpBatch post(Signal signal, Message request) throws OtlpDecodeException {
    OtlpBatch batch = decode(signal, request);
    store.store(batch);
    store.apply(decoder.commit(batch));
    return batch;
  }

  static Message claudeTokens(String session, long input, int minute) {
    KeyValue[] a = {kv("session.id", session), kv("model", "claude-sonnet-4-5"),
        kv("type", "input")};
    return Otlp.metrics(CLAUDE, Otlp.sum("claude_code.token.usage", DELTA,
        Otlp.point(T0.plusSeconds(60L * minute - 60), T0.plusSeconds(60L * minute), input, a)));
  }

  static Message claudeRequest(String session, long input, int second) {
    return Otlp.logs(CLAUDE, Otlp.event("claude_code.api_request", T0.plusSeconds(second),
        kv("event.name", "api_request"), kv("session.id", session),
        kv("event.sequence", (long) second), kv("model", "claude-sonnet-4-5"),
        kv("input_tokens", input), kv("output_tokens", 1L), kv("cost_usd", "0.5")));
  }

  @Test
  void metricsFirstThenEventsRetractsTheMetricRecords() throws Exception {
    post(Signal.METRICS, claudeTokens("s1", 100, 1));
    assertThat(store.totals().input()).isEqualTo(100);
    OtlpBatch logs = post(Signal.LOGS, claudeRequest("s1", 100, 30));
    assertThat(logs.retractions()).containsExactly(new Retraction(Tools.CLAUDE_CODE, "s1", null,
        RecordIds.METRIC_USAGE_PREFIX));
    assertThat(store.totals().input()).isEqualTo(100);
    assertThat(store.usage.keySet()).allMatch(id -> id.startsWith(RecordIds.LOG_USAGE_PREFIX));
  }

  @Test
  void eventsFirstThenMetricsSuppressesThem() throws Exception {
    post(Signal.LOGS, claudeRequest("s1", 100, 30));
    OtlpBatch metrics = post(Signal.METRICS, claudeTokens("s1", 100, 1));
    assertThat(metrics.usage()).isEmpty();
    assertThat(metrics.suppressed()).isEqualTo(1);
    assertThat(metrics.accepted()).isEqualTo(1);
    assertThat(store.totals().input()).isEqualTo(100);
    assertThat(store.totals().cost()).isEqualByComparingTo("0.5");
  }

  @Test
  void sessionsWithoutEventsKeepTheirMetricRecords() throws Exception {
    post(Signal.LOGS, claudeRequest("s1", 100, 30));
    post(Signal.METRICS, claudeTokens("s2", 70, 1));
    assertThat(store.totals().input()).isEqualTo(170);
  }

  @Test
  void commitCatchesMetricRecordsStoredAfterTheRetractionRan() throws Exception {
    // A metric batch is decoded before the session's first events arrive...
    OtlpBatch metrics = decode(Signal.METRICS, claudeTokens("s1", 100, 1));
    assertThat(metrics.usage()).hasSize(1);
    // ...the events batch is decoded and stored, its retraction applied...
    post(Signal.LOGS, claudeRequest("s1", 100, 30));
    // ...and only then the metric records land in the store.
    store.store(metrics);
    assertThat(store.totals().input()).isEqualTo(200);
    assertThat(decoder.commit(metrics)).containsExactly(new Retraction(Tools.CLAUDE_CODE, "s1",
        null, RecordIds.METRIC_USAGE_PREFIX));
    store.apply(decoder.commit(metrics));
    assertThat(store.totals().input()).isEqualTo(100);
  }

  @Test
  void rollingBackTheFirstEventsUnmarksTheSession() throws Exception {
    OtlpBatch logs = decode(Signal.LOGS, claudeRequest("s1", 100, 30));
    decoder.rollback(logs); // not stored: the client retries later
    OtlpBatch metrics = post(Signal.METRICS, claudeTokens("s1", 100, 1));
    assertThat(metrics.usage()).hasSize(1);
    OtlpBatch retry = post(Signal.LOGS, claudeRequest("s1", 100, 30));
    assertThat(retry.retractions()).hasSize(1);
    assertThat(store.totals().input()).isEqualTo(100);
  }

  @Test
  void metricsWithoutSessionIdCannotBeReconciledAndAreKept() throws Exception {
    KeyValue[] a = {kv("model", "claude-sonnet-4-5"), kv("type", "input")};
    post(Signal.LOGS, claudeRequest("s1", 100, 30));
    OtlpBatch metrics = post(Signal.METRICS, Otlp.metrics(CLAUDE, Otlp.sum(
        "claude_code.token.usage", DELTA, Otlp.point(T0, T0.plusSeconds(60), 100, a))));
    assertThat(metrics.usage()).singleElement().satisfies(u ->
        assertThat(u.sessionId()).isNull());
  }

  @Test
  void geminiApiResponseEventsSupersedeGeminiTokenMetrics() throws Exception {
    Resource gemini = Otlp.resource(kv("service.name", "gemini-cli"));
    KeyValue[] base = {kv("session.id", "g1"), kv("model", "gemini-2.5-pro"),
        kv("installation.id", "inst-9")};
    post(Signal.METRICS, Otlp.metrics(gemini,
        Otlp.sum("gemini_cli.token.usage", DELTA,
            Otlp.point(T0, T0.plusSeconds(60), 1000, CumulativeDeltasTest.with(base,
                kv("type", "input"))),
            Otlp.point(T0, T0.plusSeconds(60), 400, CumulativeDeltasTest.with(base,
                kv("type", "cache"))),
            Otlp.point(T0, T0.plusSeconds(60), 50, CumulativeDeltasTest.with(base,
                kv("type", "output"))),
            Otlp.point(T0, T0.plusSeconds(60), 30, CumulativeDeltasTest.with(base,
                kv("type", "thought")))),
        // Gemini CLI also emits the GenAI histogram for the same tokens: not counted again.
        Otlp.histogram("gen_ai.client.token.usage", DELTA, Otlp.histogramPoint(T0,
            T0.plusSeconds(60), 1000, 1, kv("gen_ai.token.type", "input")))));
    assertThat(store.totals()).isEqualTo(new RecordingStore.Totals(600, 50, 400, 0, 30, 0,
        java.math.BigDecimal.ZERO));
    post(Signal.LOGS, Otlp.logs(gemini, Otlp.event(null, T0.plusSeconds(20),
        kv("event.name", "gemini_cli.api_response"), kv("session.id", "g1"),
        kv("model", "gemini-2.5-pro"), kv("input_token_count", 1000L),
        kv("cached_content_token_count", 400L), kv("output_token_count", 50L),
        kv("thoughts_token_count", 30L), kv("tool_token_count", 0L),
        kv("duration_ms", 812L), kv("status_code", 200L))));
    assertThat(store.totals()).isEqualTo(new RecordingStore.Totals(600, 50, 400, 0, 30, 1,
        java.math.BigDecimal.ZERO));
  }

  @Test
  void genAiSpansSupersedeTheServicesTokenHistograms() throws Exception {
    Resource app = Otlp.resource(kv("service.name", "chat-app"));
    KeyValue model = kv("gen_ai.request.model", "gpt-4o");
    post(Signal.METRICS, Otlp.metrics(app, Otlp.histogram("gen_ai.client.token.usage", DELTA,
        Otlp.histogramPoint(T0, T0.plusSeconds(60), 900, 1, model,
            kv("gen_ai.token.type", "input")))));
    OtlpBatch spans = post(Signal.TRACES, Otlp.traces(app, Otlp.span("chat gpt-4o", 1, 1,
        T0.plusSeconds(10), T0.plusSeconds(12), kv("gen_ai.operation.name", "chat"), model,
        kv("gen_ai.usage.input_tokens", 900L), kv("gen_ai.usage.output_tokens", 10L))));
    assertThat(spans.retractions()).containsExactly(new Retraction(Tools.API, null, "chat-app",
        RecordIds.METRIC_USAGE_PREFIX));
    assertThat(store.totals().input()).isEqualTo(900);
    assertThat(store.totals().output()).isEqualTo(10);
  }

  @Test
  void withSpansTurnedOffTheHistogramsCount() throws Exception {
    OtlpDecoder metricsOnly = OtlpDecoder.builder().clock(new MutableClock(T0.plusSeconds(600)))
        .genAiSpans(false).build();
    Resource app = Otlp.resource(kv("service.name", "chat-app"));
    OtlpBatch spans = metricsOnly.decode(Signal.TRACES, Otlp.traces(app, Otlp.span("chat", 1, 1,
        T0.plusSeconds(10), T0.plusSeconds(12), kv("gen_ai.usage.input_tokens", 900L)))
        .toByteArray(), ContentType.PROTOBUF, false);
    assertThat(spans.usage()).isEmpty();
    assertThat(spans.ignored()).isEqualTo(1);
    assertThat(spans.retractions()).isEmpty();
  }
}
