package io.tokenmaxx.bench.otlp;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Realistic OTLP requests: what Claude Code and GenAI-instrumented apps export. */
final class Workloads {
  static final Instant T0 = Instant.parse("2025-06-02T09:00:00Z");

  private Workloads() {}

  static KeyValue kv(String k, String v) {
    return KeyValue.newBuilder().setKey(k).setValue(AnyValue.newBuilder().setStringValue(v))
        .build();
  }

  static KeyValue kv(String k, long v) {
    return KeyValue.newBuilder().setKey(k).setValue(AnyValue.newBuilder().setIntValue(v)).build();
  }

  static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  static Resource claudeResource() {
    return Resource.newBuilder().addAttributes(kv("service.name", "claude-code"))
        .addAttributes(kv("service.version", "2.1.0")).addAttributes(kv("os.type", "linux"))
        .addAttributes(kv("host.arch", "amd64")).addAttributes(kv("department", "platform"))
        .addAttributes(kv("team", "tokens")).build();
  }

  static List<KeyValue> standard(String session, int user) {
    return List.of(kv("session.id", session), kv("user.account_uuid", "acct-" + user),
        kv("organization.id", "org-1"), kv("user.email", "user" + user + "@example.com"),
        kv("user.id", "install-" + user), kv("app.version", "2.1.0"),
        kv("terminal.type", "vscode"));
  }

  /** {@code events} Claude Code api_request log events over 32 sessions. */
  static ExportLogsServiceRequest claudeLogs(int events, String sessionPrefix) {
    Random r = new Random(1);
    ScopeLogs.Builder scope = ScopeLogs.newBuilder().setScope(InstrumentationScope.newBuilder()
        .setName("com.anthropic.claude_code.events").setVersion("2.1.0"));
    for (int i = 0; i < events; i++) {
      Instant t = T0.plusMillis(i * 250L);
      int user = i % 32;
      scope.addLogRecords(LogRecord.newBuilder().setTimeUnixNano(nanos(t))
          .setObservedTimeUnixNano(nanos(t))
          .setBody(AnyValue.newBuilder().setStringValue("claude_code.api_request"))
          .addAllAttributes(standard(sessionPrefix + user, user))
          .addAttributes(kv("event.name", "api_request"))
          .addAttributes(kv("event.timestamp", t.toString()))
          .addAttributes(kv("event.sequence", i))
          .addAttributes(kv("prompt.id", "prompt-" + (i / 4)))
          .addAttributes(kv("model", r.nextBoolean() ? "claude-sonnet-4-5" : "claude-opus-4-1"))
          .addAttributes(kv("input_tokens", Integer.toString(r.nextInt(5000))))
          .addAttributes(kv("output_tokens", Integer.toString(r.nextInt(3000))))
          .addAttributes(kv("cache_read_tokens", Integer.toString(r.nextInt(100_000))))
          .addAttributes(kv("cache_creation_tokens", Integer.toString(r.nextInt(10_000))))
          .addAttributes(kv("cost_usd", String.format("%.6f", r.nextDouble())))
          .addAttributes(kv("duration_ms", Integer.toString(500 + r.nextInt(20_000)))));
    }
    return ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs.newBuilder()
        .setResource(claudeResource()).addScopeLogs(scope)).build();
  }

  /** Delta Claude Code counters of one export interval for {@code sessions} sessions. */
  static ExportMetricsServiceRequest claudeMetrics(int sessions, String sessionPrefix) {
    Random r = new Random(2);
    long start = nanos(T0);
    long time = nanos(T0.plusSeconds(60));
    Sum.Builder tokens = Sum.newBuilder().setIsMonotonic(true)
        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA);
    Sum.Builder cost = tokens.clone();
    Sum.Builder lines = tokens.clone();
    Sum.Builder commits = tokens.clone();
    for (int s = 0; s < sessions; s++) {
      List<KeyValue> base = new ArrayList<>(standard(sessionPrefix + s, s));
      base.add(kv("model", "claude-sonnet-4-5"));
      for (String type : new String[] {"input", "output", "cacheRead", "cacheCreation"}) {
        tokens.addDataPoints(NumberDataPoint.newBuilder().setStartTimeUnixNano(start)
            .setTimeUnixNano(time).setAsDouble(r.nextInt(50_000)).addAllAttributes(base)
            .addAttributes(kv("type", type)));
      }
      cost.addDataPoints(NumberDataPoint.newBuilder().setStartTimeUnixNano(start)
          .setTimeUnixNano(time).setAsDouble(r.nextDouble() * 3).addAllAttributes(base));
      List<KeyValue> std = standard(sessionPrefix + s, s);
      for (String type : new String[] {"added", "removed"}) {
        lines.addDataPoints(NumberDataPoint.newBuilder().setStartTimeUnixNano(start)
            .setTimeUnixNano(time).setAsDouble(r.nextInt(300)).addAllAttributes(std)
            .addAttributes(kv("type", type)));
      }
      commits.addDataPoints(NumberDataPoint.newBuilder().setStartTimeUnixNano(start)
          .setTimeUnixNano(time).setAsDouble(1 + r.nextInt(3)).addAllAttributes(std));
    }
    return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics
        .newBuilder().setResource(claudeResource()).addScopeMetrics(ScopeMetrics.newBuilder()
            .setScope(InstrumentationScope.newBuilder().setName("com.anthropic.claude_code"))
            .addMetrics(Metric.newBuilder().setName("claude_code.token.usage").setSum(tokens))
            .addMetrics(Metric.newBuilder().setName("claude_code.cost.usage").setSum(cost))
            .addMetrics(Metric.newBuilder().setName("claude_code.lines_of_code.count")
                .setSum(lines))
            .addMetrics(Metric.newBuilder().setName("claude_code.commit.count")
                .setSum(commits)))).build();
  }

  /**
   * Export number {@code k} of a cumulative {@code gen_ai.client.token.usage} histogram over
   * {@code models} models x 2 token types x 4 operations: every series grows each interval.
   */
  static ExportMetricsServiceRequest genAiCumulative(int models, int k) {
    long start = nanos(T0);
    long time = nanos(T0.plusSeconds(60L * (k + 1)));
    Histogram.Builder h = Histogram.newBuilder()
        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
    for (int m = 0; m < models; m++) {
      for (String op : new String[] {"chat", "text_completion", "embeddings", "generate_content"}) {
        for (String type : new String[] {"input", "output"}) {
          long count = 10L * (k + 1);
          h.addDataPoints(HistogramDataPoint.newBuilder().setStartTimeUnixNano(start)
              .setTimeUnixNano(time).setCount(count).setSum(count * (type.equals("input")
                  ? 1500 : 300)).addExplicitBounds(100).addExplicitBounds(1000)
              .addBucketCounts(1).addBucketCounts(count - 2).addBucketCounts(1)
              .addAttributes(kv("gen_ai.operation.name", op))
              .addAttributes(kv("gen_ai.provider.name", "openai"))
              .addAttributes(kv("gen_ai.request.model", "model-" + m))
              .addAttributes(kv("gen_ai.response.model", "model-" + m + "-2025"))
              .addAttributes(kv("gen_ai.token.type", type))
              .addAttributes(kv("server.address", "api.openai.com")));
        }
      }
    }
    return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics
        .newBuilder().setResource(Resource.newBuilder().addAttributes(kv("service.name",
            "chat-app")).addAttributes(kv("telemetry.sdk.language", "java")))
        .addScopeMetrics(ScopeMetrics.newBuilder().setScope(InstrumentationScope.newBuilder()
            .setName("io.opentelemetry.openai"))
            .addMetrics(Metric.newBuilder().setName("gen_ai.client.token.usage")
                .setUnit("{token}").setHistogram(h)))).build();
  }

  /** {@code count} GenAI chat spans. */
  static ExportTraceServiceRequest genAiSpans(int count) {
    Random r = new Random(3);
    ScopeSpans.Builder scope = ScopeSpans.newBuilder().setScope(InstrumentationScope.newBuilder()
        .setName("io.opentelemetry.openai"));
    for (int i = 0; i < count; i++) {
      byte[] trace = new byte[16];
      byte[] id = new byte[8];
      r.nextBytes(trace);
      r.nextBytes(id);
      long cached = r.nextInt(2000);
      Instant t = T0.plusMillis(i * 100L);
      scope.addSpans(Span.newBuilder().setName("chat gpt-4o")
          .setTraceId(ByteString.copyFrom(trace)).setSpanId(ByteString.copyFrom(id))
          .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
          .setStartTimeUnixNano(nanos(t)).setEndTimeUnixNano(nanos(t.plusMillis(900)))
          .addAttributes(kv("gen_ai.operation.name", "chat"))
          .addAttributes(kv("gen_ai.provider.name", "openai"))
          .addAttributes(kv("gen_ai.request.model", "gpt-4o"))
          .addAttributes(kv("gen_ai.response.model", "gpt-4o-2024-08-06"))
          .addAttributes(kv("gen_ai.usage.input_tokens", cached + r.nextInt(4000)))
          .addAttributes(kv("gen_ai.usage.cache_read.input_tokens", cached))
          .addAttributes(kv("gen_ai.usage.output_tokens", r.nextInt(800)))
          .addAttributes(kv("server.address", "api.openai.com"))
          .addAttributes(kv("enduser.id", "user-" + (i % 50))));
    }
    return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
        .setResource(Resource.newBuilder().addAttributes(kv("service.name", "rag-app")))
        .addScopeSpans(scope)).build();
  }

  static int items(Message request) {
    if (request instanceof ExportLogsServiceRequest l) {
      return l.getResourceLogsList().stream().flatMap(x -> x.getScopeLogsList().stream())
          .mapToInt(ScopeLogs::getLogRecordsCount).sum();
    }
    if (request instanceof ExportTraceServiceRequest t) {
      return t.getResourceSpansList().stream().flatMap(x -> x.getScopeSpansList().stream())
          .mapToInt(ScopeSpans::getSpansCount).sum();
    }
    ExportMetricsServiceRequest m = (ExportMetricsServiceRequest) request;
    int n = 0;
    for (var rm : m.getResourceMetricsList()) {
      for (var sm : rm.getScopeMetricsList()) {
        for (var metric : sm.getMetricsList()) {
          n += metric.hasSum() ? metric.getSum().getDataPointsCount()
              : metric.getHistogram().getDataPointsCount();
        }
      }
    }
    return n;
  }
}
