package io.tokenmaxx.collect.otlp;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.tokenmaxx.collect.otlp.OtlpBatch.Scope;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.Sources;
import io.tokenmaxx.model.Tools;
import io.tokenmaxx.model.UsageRecord;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * GenAI spans (OpenTelemetry GenAI semantic conventions) to usage records, one per model call.
 * Spans of coding agents are ignored (their logs and metrics are the source), and so are agent
 * and tool spans ({@code invoke_agent}, {@code execute_tool}, ...) which may repeat the totals of
 * the model calls inside them.
 */
final class SpanMapper {
  /** Operations that are one model call; spans without an operation name count too. */
  private static final Set<String> MODEL_CALLS = Set.of("chat", "text_completion",
      "generate_content", "embeddings", "completion");

  private final Settings settings;
  private final BatchBuilder out;

  SpanMapper(Settings settings, BatchBuilder out) {
    this.settings = settings;
    this.out = out;
  }

  void map(ExportTraceServiceRequest request, ItemErrors itemErrors) {
    for (int r = 0; r < request.getResourceSpansCount(); r++) {
      ResourceSpans rs = request.getResourceSpans(r);
      ResourceContext rc = new ResourceContext(rs.getResource(), settings.maxValueLength());
      for (int s = 0; s < rs.getScopeSpansCount(); s++) {
        ScopeSpans ss = rs.getScopeSpans(s);
        for (int t = 0; t < ss.getSpansCount(); t++) {
          String error = itemErrors.find(r, s, t);
          if (error != null) {
            out.reject(error);
            continue;
          }
          Span span = ss.getSpans(t);
          try {
            if (!mapSpan(span, rc)) out.ignore(1);
          } catch (Rejected e) {
            out.reject("span '" + span.getName() + "': " + e.getMessage());
          }
        }
      }
    }
  }

  private boolean mapSpan(Span span, ResourceContext rc) {
    if (!settings.genAiSpans() || rc.agentTool != null || isAgentSpan(span.getName())) {
      return false;
    }
    Attrs a = new Attrs(span.getAttributesList(), rc.attrs, settings.maxValueLength());
    if (!a.has("gen_ai.usage.input_tokens") && !a.has("gen_ai.usage.output_tokens")) return false;
    if (span.getTraceId().size() != 16 || span.getSpanId().size() != 8) {
      throw new Rejected("trace_id must be 16 bytes and span_id 8 bytes, were "
          + span.getTraceId().size() + " and " + span.getSpanId().size());
    }
    String operation = a.string("gen_ai.operation.name");
    if (operation != null && !MODEL_CALLS.contains(operation)) return false;
    long input = a.countOrZero("gen_ai.usage.input_tokens");
    long output = a.countOrZero("gen_ai.usage.output_tokens");
    long cacheRead = Math.max(a.countOrZero("gen_ai.usage.cache_read.input_tokens"),
        a.countOrZero("gen_ai.usage.cache_read_input_tokens"));
    long cacheWrite = Math.max(a.countOrZero("gen_ai.usage.cache_creation.input_tokens"),
        a.countOrZero("gen_ai.usage.cache_creation_input_tokens"));
    long reasoning = a.countOrZero("gen_ai.usage.reasoning.output_tokens");
    // The conventions count cached input inside input_tokens (and reasoning inside output);
    // older Anthropic instrumentations did not, which shows as cache counts above the input.
    long cached = cacheRead + cacheWrite;
    if (input >= cached) input -= cached;
    if (output >= reasoning) output -= reasoning;
    String model = a.string("gen_ai.response.model");
    if (model == null) model = a.string("gen_ai.request.model");
    String provider = a.string("gen_ai.provider.name");
    if (provider == null) provider = a.string("gen_ai.system");
    String session = a.string("gen_ai.conversation.id");
    if (session == null) session = a.string("session.id");
    Instant start = Times.fromNanos(span.getStartTimeUnixNano(), "start_time_unix_nano",
        settings.clock());
    Long latency = span.getEndTimeUnixNano() > span.getStartTimeUnixNano()
        ? (span.getEndTimeUnixNano() - span.getStartTimeUnixNano()) / 1_000_000L : null;
    List<RawIdentity> ids = Identities.of(a);
    String id = RecordIds.SPAN_USAGE_PREFIX + new Hasher().put(span.getTraceId())
        .put(span.getSpanId()).hex();
    out.usage.add(Rejected.unlessUnstorable(UsageRecord.builder()
        .id(id)
        .timestamp(start)
        .source(Sources.OTLP)
        .tool(Tools.API)
        .provider(Providers.normalize(provider))
        .model(model)
        .identity(ids.isEmpty() ? null : ids.get(0))
        .sessionId(session)
        .project(rc.serviceName)
        .inputTokens(input)
        .outputTokens(output)
        .cacheReadTokens(cacheRead)
        .cacheWrite5mTokens(cacheWrite)
        .reasoningTokens(reasoning)
        .requests(1)
        .latencyMs(latency)
        .status(span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR
            ? UsageRecord.STATUS_ERROR : UsageRecord.STATUS_OK)
        .build()));
    out.accept(1);
    out.observe(ids, rc.orgAttributes);
    if (rc.serviceName != null) {
      Scope scope = new Scope(Tools.API, null, rc.serviceName);
      if (settings.sessions().markLogged(scope.tool(), scope.indexKey())) {
        out.newlyMarked(scope);
        out.retract(scope.retraction());
      }
    }
    return true;
  }

  private static boolean isAgentSpan(String name) {
    return name.startsWith("claude_code.") || name.startsWith("gemini_cli.")
        || name.startsWith("codex.") || name.startsWith("qwen-code.");
  }
}
