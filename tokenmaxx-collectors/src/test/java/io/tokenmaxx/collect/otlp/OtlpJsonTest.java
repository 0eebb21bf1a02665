package io.tokenmaxx.collect.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** OTLP/JSON is not protobuf's JSON mapping: the reader follows the OTLP specification. */
class OtlpJsonTest {
  static final Instant NOW = Instant.parse("2025-06-02T10:00:00Z");
  final OtlpDecoder decoder = OtlpDecoder.builder().clock(new MutableClock(NOW)).build();

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static ExportMetricsServiceRequest metrics(String json) throws OtlpDecodeException {
    var b = ExportMetricsServiceRequest.newBuilder();
    assertThat(OtlpJsonReader.read(utf8(json), b).isEmpty()).isTrue();
    return b.build();
  }

  @Test
  void int64AsStringOrNumberEnumsAsIntegersOrNamesAndUnknownFieldsIgnored() throws Exception {
    ExportMetricsServiceRequest r = metrics("""
        {"resourceMetrics":[{"resource":{"attributes":[{"key":"service.name",
          "value":{"stringValue":"claude-code"}}],"futureField":{"x":[1,2,{"y":null}]}},
         "scopeMetrics":[{"scope":{"name":"s","version":"1"},"metrics":[
           {"name":"claude_code.token.usage","unit":"tokens","sum":{
             "aggregationTemporality":1,"isMonotonic":true,"dataPoints":[
               {"startTimeUnixNano":"1748858340000000000","timeUnixNano":1748858400000000000,
                "asInt":"12","attributes":[{"key":"type","value":{"stringValue":"input"}}],
                "someNewThing":true},
               {"start_time_unix_nano":"1748858340000000000",
                "time_unix_nano":"1748858400000000000","as_double":7.5}]}},
           {"name":"h","histogram":{"aggregationTemporality":"AGGREGATION_TEMPORALITY_CUMULATIVE",
             "dataPoints":[{"count":"3","sum":1.5,"bucketCounts":["1",2],
               "explicitBounds":[1.0]}]}}]}]}]}
        """);
    var sum = r.getResourceMetrics(0).getScopeMetrics(0).getMetrics(0).getSum();
    assertThat(sum.getAggregationTemporality()).isEqualTo(
        AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA);
    NumberDataPoint p0 = sum.getDataPoints(0);
    assertThat(p0.getStartTimeUnixNano()).isEqualTo(1748858340000000000L);
    assertThat(p0.getTimeUnixNano()).isEqualTo(1748858400000000000L);
    assertThat(p0.getAsInt()).isEqualTo(12);
    assertThat(sum.getDataPoints(1).getAsDouble()).isEqualTo(7.5);
    var h = r.getResourceMetrics(0).getScopeMetrics(0).getMetrics(1).getHistogram();
    assertThat(h.getAggregationTemporality()).isEqualTo(
        AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
    assertThat(h.getDataPoints(0).getCount()).isEqualTo(3);
    assertThat(h.getDataPoints(0).getBucketCountsList()).containsExactly(1L, 2L);
  }

  @Test
  void traceAndSpanIdsAreHexOtherBytesBase64() throws Exception {
    var b = ExportLogsServiceRequest.newBuilder();
    OtlpJsonReader.read(utf8("""
        {"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"1748858400000000000",
          "traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"eee19b7ec3c1b174",
          "body":{"bytesValue":"aGVsbG8="},"severityNumber":9}]}]}]}
        """), b);
    var rec = b.build().getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
    assertThat(HexFormat.of().formatHex(rec.getTraceId().toByteArray()))
        .isEqualTo("5b8efff798038103d269b633813fc60c");
    assertThat(HexFormat.of().formatHex(rec.getSpanId().toByteArray()))
        .isEqualTo("eee19b7ec3c1b174");
    assertThat(rec.getBody().getBytesValue().toStringUtf8()).isEqualTo("hello");
    assertThat(rec.getSeverityNumberValue()).isEqualTo(9);

    var t = ExportTraceServiceRequest.newBuilder();
    OtlpJsonReader.read(utf8("""
        {"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"0102030405060708090a0b0c0d0e0f10",
          "spanId":"0102030405060708","parentSpanId":"","kind":3,"name":"chat"}]}]}]}
        """), t);
    var span = t.build().getResourceSpans(0).getScopeSpans(0).getSpans(0);
    assertThat(span.getTraceId().byteAt(15)).isEqualTo((byte) 16);
    assertThat(span.getParentSpanId().isEmpty()).isTrue();
    assertThat(span.getKindValue()).isEqualTo(3);
  }

  @Test
  void aBadValueInsideADataPointRejectsOnlyThatPoint() throws Exception {
    String json = """
        {"resourceMetrics":[{"resource":{"attributes":[{"key":"service.name",
          "value":{"stringValue":"claude-code"}}]},"scopeMetrics":[{"metrics":[
          {"name":"claude_code.token.usage","sum":{"aggregationTemporality":1,"dataPoints":[
            {"timeUnixNano":"1748858400000000000","asInt":"lots","attributes":[
              {"key":"type","value":{"stringValue":"input"}}]},
            {"timeUnixNano":"1748858400000000000","asInt":"99999999999999999999","attributes":[
              {"key":"type","value":{"stringValue":"output"}}]},
            {"timeUnixNano":"1748858400000000000","asInt":"5","attributes":[
              {"key":"type","value":{"stringValue":"cacheRead"}}]}]}}]}]}]}
        """;
    OtlpBatch batch = decoder.decode(Signal.METRICS, utf8(json), ContentType.JSON, false);
    assertThat(batch.rejected()).isEqualTo(2);
    assertThat(batch.accepted()).isEqualTo(1);
    assertThat(batch.errors()).containsExactly(
        "resourceMetrics[0].scopeMetrics[0].metrics[0].sum.dataPoints[0].asInt: expected a"
            + " 64-bit integer, was a string 'lots'",
        "resourceMetrics[0].scopeMetrics[0].metrics[0].sum.dataPoints[1].asInt: expected a"
            + " 64-bit integer, was a string '99999999999999999999'");
    assertThat(batch.usage()).singleElement().satisfies(u ->
        assertThat(u.cacheReadTokens()).isEqualTo(5));
  }

  @Test
  void aBadValueInAMetricRejectsAllItsPoints() throws Exception {
    String json = """
        {"resourceMetrics":[{"scopeMetrics":[{"metrics":[
          {"name":["not","a","string"],"sum":{"aggregationTemporality":1,"dataPoints":[
            {"timeUnixNano":"1748858400000000000","asInt":"1"},
            {"timeUnixNano":"1748858400000000000","asInt":"2"}]}}]}]}]}
        """;
    OtlpBatch batch = decoder.decode(Signal.METRICS, utf8(json), ContentType.JSON, false);
    assertThat(batch.rejected()).isEqualTo(2);
    assertThat(batch.errors()).allSatisfy(e -> assertThat(e).contains("metrics[0].name"));
  }

  @Test
  void aBadValueOutsideAnyItemRefusesTheBody() {
    assertThatThrownBy(() -> decoder.decode(Signal.LOGS, utf8("""
        {"resourceLogs":[{"resource":{"attributes":{"key":"not-an-array"}}}]}
        """), ContentType.JSON, false))
        .isInstanceOfSatisfying(OtlpDecodeException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(400);
          assertThat(e.getMessage()).isEqualTo("invalid OTLP/JSON: resourceLogs[0].resource"
              + ".attributes: expected an array, was an object");
        });
  }

  @Test
  void malformedJsonIsA400NamingThePosition() {
    assertThatThrownBy(() -> decoder.decode(Signal.TRACES, utf8("{\"resourceSpans\":[{]}"),
        ContentType.JSON, false))
        .isInstanceOfSatisfying(OtlpDecodeException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(400);
          assertThat(e.getMessage()).startsWith("invalid JSON: ").contains("line 1, column");
        });
    assertThatThrownBy(() -> decoder.decode(Signal.TRACES, utf8("[]"), ContentType.JSON, false))
        .hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> decoder.decode(Signal.TRACES, new byte[0], ContentType.JSON, false))
        .hasMessageContaining("was empty");
  }

  @Test
  void deeplyNestedValuesAreRefused() {
    String deep = "{\"arrayValue\":{\"values\":[".repeat(80) + "]}".repeat(80);
    String json = "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":" + deep
        + "}]}]}]}";
    assertThatThrownBy(() -> decoder.decode(Signal.LOGS, utf8(json), ContentType.JSON, false))
        .isInstanceOfSatisfying(OtlpDecodeException.class, e ->
            assertThat(e.getMessage()).containsAnyOf("nested deeper", "nesting depth"));
  }

  @Test
  void emptyProtobufBodyIsAnEmptyRequest() throws Exception {
    OtlpBatch batch = decoder.decode(Signal.METRICS, new byte[0], ContentType.PROTOBUF, false);
    assertThat(batch.received()).isZero();
    assertThat(OtlpResponses.exported(batch).body()).isEmpty();
  }
}
