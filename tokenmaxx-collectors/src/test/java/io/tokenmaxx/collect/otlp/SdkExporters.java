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
public final class SdkExporters {
  public enum Encoding { PROTOBUF, JSON }

  /** Headers every exporter sends (e.g. {@code Authorization}); empty by default. */
  private static volatile java.util.Map<String, String> headers = java.util.Map.of();

  /** Sets the headers exporters built from now on send (a test sets its ingest token here). */
  public static void headers(java.util.Map<String, String> h) {
    headers = java.util.Map.copyOf(h);
  }

  private SdkExporters() {}

  public static MetricExporter metrics(String endpoint, Encoding encoding, boolean gzip,
      AggregationTemporalitySelector temporality) {
    String url = endpoint + "/v1/metrics";
    if (encoding == Encoding.PROTOBUF) {
      var b = OtlpHttpMetricExporter.builder().setEndpoint(url).setCompression(gzip ? "gzip"
          : "none").setAggregationTemporalitySelector(temporality);
      headers.forEach(b::addHeader);
      return b.build();
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

  public static LogRecordExporter logs(String endpoint, Encoding encoding, boolean gzip) {
    String url = endpoint + "/v1/logs";
    if (encoding == Encoding.PROTOBUF) {
      var b = OtlpHttpLogRecordExporter.builder().setEndpoint(url)
          .setCompression(gzip ? "gzip" : "none");
      headers.forEach(b::addHeader);
      return b.build();
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

  public static SpanExporter spans(String endpoint, Encoding encoding, boolean gzip) {
    String url = endpoint + "/v1/traces";
    if (encoding == Encoding.PROTOBUF) {
      var b = OtlpHttpSpanExporter.builder().setEndpoint(url).setCompression(gzip ? "gzip"
          : "none");
      headers.forEach(b::addHeader);
      return b.build();
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
    HttpExporterBuilder b = new HttpExporterBuilder(type, url).exportAsJson().setCompression(gzip ? "gzip"
        : "none");
    headers.forEach(b::addConstantHeaders);
    return b.build();
  }
}
