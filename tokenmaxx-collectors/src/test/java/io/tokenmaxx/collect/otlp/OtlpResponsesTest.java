package io.tokenmaxx.collect.otlp;

import static io.tokenmaxx.collect.otlp.Otlp.kv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.CodedInputStream;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OtlpResponsesTest {
  static final Instant T0 = Instant.parse("2025-06-02T09:00:00Z");
  final OtlpDecoder decoder = OtlpDecoder.builder().clock(new MutableClock(T0.plusSeconds(60)))
      .build();

  OtlpBatch oneGoodOneBad(Signal signal, ContentType type) throws Exception {
    var resource = Otlp.resource(kv("service.name", "claude-code"));
    byte[] body = switch (signal) {
      case METRICS -> Otlp.metrics(resource, Otlp.sum("claude_code.commit.count", Otlp.DELTA,
          Otlp.point(T0, T0.plusSeconds(10), 1, kv("session.id", "s")),
          Otlp.point(T0, T0.plusSeconds(10), -1, kv("session.id", "s")))).toByteArray();
      case LOGS -> Otlp.logs(resource,
          Otlp.event("claude_code.api_request", T0, kv("input_tokens", 1L),
              kv("output_tokens", 1L)),
          Otlp.event("claude_code.api_request", T0, kv("input_tokens", 1L))).toByteArray();
      case TRACES -> Otlp.traces(Otlp.resource(), Otlp.span("chat", 1, 1, T0, T0,
              kv("gen_ai.usage.input_tokens", 1L)),
          Otlp.span("chat", 1, 2, T0, T0, kv("gen_ai.usage.input_tokens", -1L))).toByteArray();
    };
    OtlpBatch batch = decoder.decode(signal, body, ContentType.PROTOBUF, false);
    // Re-decode as if it had come as the other encoding only to pick the response encoding.
    return type == ContentType.PROTOBUF ? batch : new OtlpBatch(signal, type, batch.usage(),
        batch.outcomes(), batch.retractions(), batch.identities(), batch.accepted(),
        batch.rejected(), batch.ignored(), batch.suppressed(), batch.errors(), 1,
        batch.warnings(), batch.undo);
  }

  @Test
  void protobufPartialSuccessNamesTheRejectedCountAndReason() throws Exception {
    OtlpResponse m = OtlpResponses.exported(oneGoodOneBad(Signal.METRICS, ContentType.PROTOBUF));
    assertThat(m.status()).isEqualTo(200);
    assertThat(m.contentType()).isEqualTo("application/x-protobuf");
    var metrics = ExportMetricsServiceResponse.parseFrom(m.body()).getPartialSuccess();
    assertThat(metrics.getRejectedDataPoints()).isEqualTo(1);
    assertThat(metrics.getErrorMessage()).isEqualTo("1 data points rejected: metric"
        + " 'claude_code.commit.count' data point 1: value must not be negative, was -1.0");

    var logs = ExportLogsServiceResponse.parseFrom(OtlpResponses.exported(
        oneGoodOneBad(Signal.LOGS, ContentType.PROTOBUF)).body()).getPartialSuccess();
    assertThat(logs.getRejectedLogRecords()).isEqualTo(1);
    assertThat(logs.getErrorMessage()).contains("missing required attribute 'output_tokens'");

    var spans = ExportTraceServiceResponse.parseFrom(OtlpResponses.exported(
        oneGoodOneBad(Signal.TRACES, ContentType.PROTOBUF)).body()).getPartialSuccess();
    assertThat(spans.getRejectedSpans()).isEqualTo(1);
  }

  @Test
  void jsonPartialSuccessUsesOtlpJsonNames() throws Exception {
    OtlpResponse r = OtlpResponses.exported(oneGoodOneBad(Signal.LOGS, ContentType.JSON));
    assertThat(r.contentType()).isEqualTo("application/json");
    JsonNode json = new ObjectMapper().readTree(r.body());
    assertThat(json.at("/partialSuccess/rejectedLogRecords").asText()).isEqualTo("1");
    assertThat(json.at("/partialSuccess/errorMessage").asText())
        .startsWith("1 log records rejected: log record 1");
  }

  @Test
  void fullSuccessIsAnEmptyResponse() throws Exception {
    OtlpBatch ok = decoder.decode(Signal.METRICS, new byte[0], ContentType.PROTOBUF, false);
    assertThat(OtlpResponses.exported(ok).body()).isEmpty();
    OtlpBatch okJson = decoder.decode(Signal.METRICS, "{}".getBytes(), ContentType.JSON, false);
    assertThat(new String(OtlpResponses.exported(okJson).body())).isEqualTo("{}");
  }

  @Test
  void errorsAreGoogleRpcStatusInTheRequestEncoding() throws Exception {
    OtlpDecodeException bad = new OtlpDecodeException(400, "body is not a valid protobuf");
    OtlpResponse pb = OtlpResponses.error(bad, ContentType.PROTOBUF);
    assertThat(pb.status()).isEqualTo(400);
    CodedInputStream in = CodedInputStream.newInstance(pb.body());
    assertThat(in.readTag()).isEqualTo(8);
    assertThat(in.readInt32()).isEqualTo(3);
    assertThat(in.readTag()).isEqualTo(18);
    assertThat(in.readString()).isEqualTo("body is not a valid protobuf");
    assertThat(in.isAtEnd()).isTrue();

    OtlpResponse json = OtlpResponses.unavailable("storage is down", ContentType.JSON);
    assertThat(json.status()).isEqualTo(503);
    JsonNode node = new ObjectMapper().readTree(json.body());
    assertThat(node.get("code").asInt()).isEqualTo(14);
    assertThat(node.get("message").asText()).isEqualTo("storage is down");

    assertThat(OtlpResponses.error(415, "unsupported", null).contentType())
        .isEqualTo("application/x-protobuf");
    assertThatThrownBy(() -> OtlpResponses.error(200, "x", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void headersAreParsedAndRefusedByName() throws Exception {
    assertThat(ContentType.fromHeader("application/json; charset=utf-8"))
        .isEqualTo(ContentType.JSON);
    assertThat(ContentType.fromHeader("Application/X-Protobuf")).isEqualTo(ContentType.PROTOBUF);
    assertThatThrownBy(() -> ContentType.fromHeader("text/plain"))
        .isInstanceOfSatisfying(OtlpDecodeException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(415);
          assertThat(e.getMessage()).contains("'text/plain'");
        });
    assertThat(ContentType.gzipFromHeader("gzip")).isTrue();
    assertThat(ContentType.gzipFromHeader(null)).isFalse();
    assertThatThrownBy(() -> ContentType.gzipFromHeader("br"))
        .hasMessageContaining("unsupported Content-Encoding 'br'");
    assertThat(Signal.forPath("/v1/logs")).isEqualTo(Signal.LOGS);
    assertThat(Signal.forPath("/v1/profiles")).isNull();
  }
}
