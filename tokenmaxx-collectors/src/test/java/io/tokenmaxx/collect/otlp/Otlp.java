package io.tokenmaxx.collect.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Instant;
import java.util.List;

/** Builds OTLP protobuf requests tersely for tests. */
final class Otlp {
  static final AggregationTemporality DELTA =
      AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
  static final AggregationTemporality CUMULATIVE =
      AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;

  private Otlp() {}

  static KeyValue kv(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  static KeyValue kv(String key, long value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value))
        .build();
  }

  static KeyValue kv(String key, double value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setDoubleValue(value))
        .build();
  }

  static KeyValue kv(String key, boolean value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setBoolValue(value))
        .build();
  }

  static Resource resource(KeyValue... attributes) {
    return Resource.newBuilder().addAllAttributes(List.of(attributes)).build();
  }

  static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  static NumberDataPoint point(Instant start, Instant time, long value, KeyValue... attributes) {
    return NumberDataPoint.newBuilder().setStartTimeUnixNano(start == null ? 0 : nanos(start))
        .setTimeUnixNano(nanos(time)).setAsInt(value).addAllAttributes(List.of(attributes))
        .build();
  }

  static NumberDataPoint point(Instant start, Instant time, double value,
      KeyValue... attributes) {
    return NumberDataPoint.newBuilder().setStartTimeUnixNano(start == null ? 0 : nanos(start))
        .setTimeUnixNano(nanos(time)).setAsDouble(value).addAllAttributes(List.of(attributes))
        .build();
  }

  static Metric sum(String name, AggregationTemporality temporality,
      NumberDataPoint... points) {
    return Metric.newBuilder().setName(name).setSum(Sum.newBuilder()
        .setAggregationTemporality(temporality).setIsMonotonic(true)
        .addAllDataPoints(List.of(points))).build();
  }

  static HistogramDataPoint histogramPoint(Instant start, Instant time, double sum, long count,
      KeyValue... attributes) {
    return HistogramDataPoint.newBuilder().setStartTimeUnixNano(nanos(start))
        .setTimeUnixNano(nanos(time)).setSum(sum).setCount(count)
        .addAllAttributes(List.of(attributes)).build();
  }

  static Metric histogram(String name, AggregationTemporality temporality,
      HistogramDataPoint... points) {
    return Metric.newBuilder().setName(name).setHistogram(Histogram.newBuilder()
        .setAggregationTemporality(temporality).addAllDataPoints(List.of(points))).build();
  }

  static ExportMetricsServiceRequest metrics(Resource resource, Metric... metrics) {
    return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics
        .newBuilder().setResource(resource).addScopeMetrics(ScopeMetrics.newBuilder()
            .setScope(InstrumentationScope.newBuilder().setName("test"))
            .addAllMetrics(List.of(metrics)))).build();
  }

  static LogRecord event(String body, Instant time, KeyValue... attributes) {
    LogRecord.Builder b = LogRecord.newBuilder().setTimeUnixNano(nanos(time))
        .setObservedTimeUnixNano(nanos(time)).addAllAttributes(List.of(attributes));
    if (body != null) b.setBody(AnyValue.newBuilder().setStringValue(body));
    return b.build();
  }

  static ExportLogsServiceRequest logs(Resource resource, LogRecord... records) {
    return ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
        .setResource(resource).addScopeLogs(ScopeLogs.newBuilder()
            .setScope(InstrumentationScope.newBuilder().setName("test"))
            .addAllLogRecords(List.of(records)))).build();
  }

  static Span span(String name, long traceLow, long spanId, Instant start, Instant end,
      KeyValue... attributes) {
    byte[] trace = new byte[16];
    byte[] id = new byte[8];
    for (int i = 0; i < 8; i++) {
      trace[15 - i] = (byte) (traceLow >>> (8 * i));
      id[7 - i] = (byte) (spanId >>> (8 * i));
    }
    trace[0] = 1;
    return Span.newBuilder().setName(name).setTraceId(ByteString.copyFrom(trace))
        .setSpanId(ByteString.copyFrom(id)).setStartTimeUnixNano(nanos(start))
        .setEndTimeUnixNano(nanos(end)).addAllAttributes(List.of(attributes)).build();
  }

  static ExportTraceServiceRequest traces(Resource resource, Span... spans) {
    return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
        .setResource(resource).addScopeSpans(ScopeSpans.newBuilder()
            .setScope(InstrumentationScope.newBuilder().setName("test"))
            .addAllSpans(List.of(spans)))).build();
  }
}
