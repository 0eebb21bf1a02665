package io.tokenmaxx.collect.otlp;

import io.opentelemetry.exporter.internal.otlp.logs.LogsRequestMarshaler;
import io.opentelemetry.exporter.internal.otlp.metrics.MetricsRequestMarshaler;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.internal.HttpExporter;
import io.opentelemetry.exporter.otlp.internal.HttpExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.internal.StandardComponentId.ExporterType;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * The OpenTelemetry Java SDK's own OTLP/HTTP exporters, in both encodings.
 *
 * <p>Protobuf uses the public {@code OtlpHttp*Exporter} builders. Their public API offers no JSON
 * encoding (only the metric builder has a package-private {@code exportAsJson()}), so JSON uses
 * the same SDK HTTP exporter ({@code HttpExporterBuilder.exportAsJson()}) with the SDK's own
 * request marshalers: the bytes on the wire are the SDK's OTLP/JSON, sent by the SDK's sender.
 */
final class SdkExporters {
  enum Encoding { PROTOBUF, JSON }

  private SdkExporters() {}

  static MetricExporter metrics(String endpoint, Encoding encoding, boolean gzip,
      AggregationTemporalitySelector temporality) {
    String url = endpoint + "/v1/metrics";
    if (encoding == Encoding.PROTOBUF) {
      return OtlpHttpMetricExporter.builder().setEndpoint(url).setCompression(gzip ? "gzip"
          : "none").setAggregationTemporalitySelector(temporality).build();
    }
    HttpExporter http = json(ExporterType.OTLP_HTTP_JSON_METRIC_EXPORTER, url, gzip);
    return new MetricExporter() {
      @Override
      public CompletableResultCode export(Collection<MetricData> metrics) {
        return http.export(MetricsRequestMarshaler.create(metrics), metrics.size());
      }

      @Override
      public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode shutdown() {
        return http.shutdown();
      }

      @Override
      public AggregationTemporality getAggregationTemporality(InstrumentType type) {
        return temporality.getAggregationTemporality(type);
      }
    };
  }

  static LogRecordExporter logs(String endpoint, Encoding encoding, boolean gzip) {
    String url = endpoint + "/v1/logs";
    if (encoding == Encoding.PROTOBUF) {
      return OtlpHttpLogRecordExporter.builder().setEndpoint(url)
          .setCompression(gzip ? "gzip" : "none").build();
    }
    HttpExporter http = json(ExporterType.OTLP_HTTP_JSON_LOG_EXPORTER, url, gzip);
    return new LogRecordExporter() {
      @Override
      public CompletableResultCode export(Collection<LogRecordData> logs) {
        return http.export(LogsRequestMarshaler.create(logs), logs.size());
      }

      @Override
      public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode shutdown() {
        return http.shutdown();
      }
    };
  }

  static SpanExporter spans(String endpoint, Encoding encoding, boolean gzip) {
    String url = endpoint + "/v1/traces";
    if (encoding == Encoding.PROTOBUF) {
      return OtlpHttpSpanExporter.builder().setEndpoint(url).setCompression(gzip ? "gzip"
          : "none").build();
    }
    HttpExporter http = json(ExporterType.OTLP_HTTP_JSON_SPAN_EXPORTER, url, gzip);
    return new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        return http.export(TraceRequestMarshaler.create(spans), spans.size());
      }

      @Override
      public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode shutdown() {
        return http.shutdown();
      }
    };
  }

  private static HttpExporter json(ExporterType type, String url, boolean gzip) {
    return new HttpExporterBuilder(type, url).exportAsJson().setCompression(gzip ? "gzip"
        : "none").build();
  }
}
