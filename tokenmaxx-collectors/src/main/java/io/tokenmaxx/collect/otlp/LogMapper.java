package io.tokenmaxx.collect.otlp;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.tokenmaxx.collect.otlp.EventCatalog.Event;
import io.tokenmaxx.collect.otlp.OtlpBatch.Scope;
import io.tokenmaxx.model.Costs;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.Sources;
import io.tokenmaxx.model.Tools;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Agent log events to usage records: one record per model request (tokens, reported cost,
 * latency), per failed request, and per user prompt (no tokens; the prompt's SHA-256 when the
 * agent sent its text, never the text). A session's first request event marks it as logged, which
 * retracts its metric-derived token records.
 */
final class LogMapper {
  private final Settings settings;
  private final BatchBuilder out;

  LogMapper(Settings settings, BatchBuilder out) {
    this.settings = settings;
    this.out = out;
  }

  void map(ExportLogsServiceRequest request, ItemErrors itemErrors) {
    for (int r = 0; r < request.getResourceLogsCount(); r++) {
      ResourceLogs rl = request.getResourceLogs(r);
      ResourceContext rc = new ResourceContext(rl.getResource(), settings.maxValueLength());
      for (int s = 0; s < rl.getScopeLogsCount(); s++) {
        ScopeLogs sl = rl.getScopeLogs(s);
        String scopeName = sl.getScope().getName();
        for (int l = 0; l < sl.getLogRecordsCount(); l++) {
          String error = itemErrors.find(r, s, l);
          if (error != null) {
            out.reject(error);
            continue;
          }
          map(l, LogItem.of(sl.getLogRecords(l), rc.attrs, settings.maxValueLength()), rc,
              scopeName);
        }
      }
    }
  }

  /** Maps record {@code index} of a scope whose resource is {@code rc}. */
  void map(int index, LogItem item, ResourceContext rc, String scopeName) {
    Event event = EventCatalog.get(eventName(item, rc, scopeName));
    if (event == null || event.kind() == EventCatalog.Kind.KNOWN) {
      out.ignore(1);
      return;
    }
    try {
      mapEvent(index, event, item, rc);
    } catch (Rejected e) {
      out.reject("log record " + index + " (" + event.name() + "): " + e.getMessage());
    }
  }

  /**
   * The full event name. The first known one of: the record's {@code event_name} field, its
   * {@code event.name} attribute, its body (Claude Code puts the full name in the body and the
   * short one in {@code event.name}; Codex puts a source location such as
   * {@code event otel/src/events/session_telemetry.rs:1153} in the field and the name in the
   * attribute); else a short name with the agent's prefix; else whatever name it carries.
   */
  static String eventName(LogItem item, ResourceContext rc, String scopeName) {
    String field = item.eventName;
    String attribute = item.attrs.stringValue("event.name");
    if (EventCatalog.get(field) != null) return field;
    if (EventCatalog.get(attribute) != null) return attribute;
    if (item.body != null && EventCatalog.get(item.body) != null) return item.body;
    String name = attribute != null && !attribute.isEmpty() ? attribute : field;
    if (!name.isEmpty() && name.indexOf('.') < 0) {
      String prefix = EventCatalog.prefixOf(rc.agentTool);
      if (prefix == null && scopeName.contains("claude_code")) prefix = "claude_code.";
      if (prefix != null) return prefix + name;
    }
    return field.isEmpty() ? name : field;
  }

  private void mapEvent(int index, Event event, LogItem item, ResourceContext rc) {
    Attrs a = item.attrs;
    Instant time = timestamp(item, a);
    String session = a.string(Tools.CODEX.equals(event.tool()) ? "conversation.id" : "session.id");
    if (session == null) session = a.string("session.id");
    String model = a.string("model");
    UsageRecord.Builder b = UsageRecord.builder()
        .timestamp(time)
        .source(Sources.OTLP)
        .tool(event.tool())
        .provider(event.provider())
        .model(model)
        .sessionId(session);
    Hasher id = new Hasher().put(event.tool()).put(event.name()).put(session)
        .put(a.string("event.sequence")).putLong(Deltas.nanos(time))
        .put(a.string("prompt.id")).put(a.string("prompt_id")).put(a.string("request_id"))
        .put(model);
    boolean usage = false;
    switch (event.kind()) {
      case USAGE -> {
        if (!usage(index, event, a, b, id)) {
          out.ignore(1);
          return;
        }
        usage = true;
      }
      case ERROR -> b.requests(1).status(UsageRecord.STATUS_ERROR).latencyMs(a.millis(
          "duration_ms"));
      case CODEX_REQUEST -> {
        if (!codexFailure(a, b)) {
          out.ignore(1);
          return;
        }
      }
      case PROMPT -> {
        a.count("prompt_length");
        String hash = sha256(promptText(a));
        if (hash == null) { // no text, no tokens, no request: nothing to keep
          out.ignore(1);
          return;
        }
        b.requests(0).promptHash(hash);
      }
      case KNOWN -> throw new IllegalStateException();
    }
    List<RawIdentity> ids = Identities.of(a);
    b.identity(ids.isEmpty() ? null : ids.get(0));
    UsageRecord built = Rejected.unlessUnstorable(
        b.id(RecordIds.logUsageId(time, settings.timedIdsSince(), id.hex())).build());
    out.usage.add(built);
    out.accept(1);
    out.observe(ids, rc.orgAttributes);
    if (usage && session != null && EventCatalog.supersedesMetrics(event.tool())) {
      Scope scope = new Scope(event.tool(), session, null);
      // Once per session and request: a request carries many events of each session.
      if (out.firstMarkInBatch(scope)
          && settings.sessions().markLogged(scope.tool(), scope.indexKey())) {
        out.newlyMarked(scope);
        out.retract(scope.retraction());
      }
    }
  }

  /** Fills token fields; false when the event carries no usage (e.g. a Codex delta event). */
  private boolean usage(int index, Event event, Attrs a, UsageRecord.Builder b, Hasher id) {
    long input;
    long output;
    long cacheRead = 0;
    long cacheWrite = 0;
    long cacheWrite1h = 0;
    long reasoning = 0;
    switch (event.tool()) {
      case Tools.CLAUDE_CODE -> {
        input = a.requiredCount("input_tokens");
        output = a.requiredCount("output_tokens");
        cacheRead = a.countOrZero("cache_read_tokens");
        long split5m = a.countOrZero("cache_creation_5m_tokens");
        long split1h = a.countOrZero("cache_creation_1h_tokens");
        cacheWrite = a.has("cache_creation_tokens") ? a.countOrZero("cache_creation_tokens")
            : split5m + split1h;
        // The total is what was billed; the split by TTL may be missing (zeros from Bedrock,
        // Vertex, gateways) or short: what it does not place is priced at the 5-minute rate.
        cacheWrite1h = Math.min(split1h, cacheWrite);
        b.reportedCost(reportedCost(index, event, a)).latencyMs(a.millis("duration_ms"));
      }
      case Tools.GEMINI_CLI, Tools.QWEN_CODE -> {
        long prompt = a.requiredCount("input_token_count");
        output = a.requiredCount("output_token_count");
        cacheRead = a.countOrZero("cached_content_token_count");
        reasoning = a.countOrZero("thoughts_token_count");
        // Gemini's prompt count includes the cached part; tool-use prompt tokens are extra.
        input = (prompt >= cacheRead ? prompt - cacheRead : prompt)
            + a.countOrZero("tool_token_count");
        // Gemini counts thinking apart from the output; Qwen Code inside it (as OpenAI does): the
        // total, prompt plus output, says so. (On Anthropic, Qwen Code folds cache writes into
        // the prompt count: they count as input.)
        long total = a.count("total_token_count");
        if (total > 0 && total == prompt + output && reasoning <= output) output -= reasoning;
        b.latencyMs(a.millis("duration_ms")).status(failed(a) ? UsageRecord.STATUS_ERROR : null);
        if (Tools.QWEN_CODE.equals(event.tool())) b.provider(qwenProvider(a.string("auth_type")));
      }
      case Tools.CODEX -> {
        if (!"response.completed".equals(a.string("event.kind"))) return false;
        // Codex logs every SSE event, the completion among them, without counts, then the
        // completion once more with them: only that one is the request's usage.
        if (!a.has("input_token_count") && !a.has("output_token_count")) return false;
        long prompt = a.requiredCount("input_token_count");
        long generated = a.requiredCount("output_token_count");
        cacheRead = Math.max(a.countOrZero("cached_token_count"),
            a.countOrZero("cached_content_token_count"));
        cacheWrite = a.countOrZero("cache_write_token_count");
        reasoning = Math.max(a.countOrZero("reasoning_token_count"),
            a.countOrZero("thoughts_token_count"));
        // OpenAI counts cached input (read or written) inside input and reasoning inside output.
        input = prompt >= cacheRead + cacheWrite ? prompt - cacheRead - cacheWrite : prompt;
        output = generated >= reasoning ? generated - reasoning : generated;
        b.latencyMs(a.millis("duration_ms"));
      }
      default -> throw new IllegalStateException(event.tool());
    }
    b.inputTokens(input).outputTokens(output).cacheReadTokens(cacheRead)
        .cacheWrite5mTokens(cacheWrite - cacheWrite1h).cacheWrite1hTokens(cacheWrite1h)
        .reasoningTokens(reasoning).requests(1);
    // Cache writes enter the id as their total, as they always have (ids must not change).
    id.putLong(input).putLong(output).putLong(cacheRead).putLong(cacheWrite).putLong(reasoning);
    return true;
  }

  /**
   * The cost the agent reported ({@code cost_usd}, else {@code cost_usd_micros}), normalized
   * ({@link Costs}); one that is not a cost at all (not finite, negative, beyond any stored
   * amount) is left out with a warning in the response, and the request's tokens are kept: the
   * cost is computed from the price catalog anyway.
   */
  private BigDecimal reportedCost(int index, Event event, Attrs a) {
    try {
      BigDecimal cost = a.decimal("cost_usd");
      String key = "cost_usd";
      if (cost == null) {
        BigDecimal micros = a.decimal("cost_usd_micros");
        cost = micros == null ? null : micros.movePointLeft(6);
        key = "cost_usd_micros";
      }
      cost = Costs.normalize(cost);
      String problem = Costs.problem(cost);
      if (problem != null) throw new Rejected("attribute '" + key + "' " + problem);
      return cost;
    } catch (Rejected e) {
      out.warn("log record " + index + " (" + event.name() + ") kept without its reported cost: "
          + e.getMessage());
      return null;
    }
  }

  /** The provider behind Qwen Code's {@code auth_type}; null for OpenAI-compatible endpoints (any vendor). */
  static String qwenProvider(String authType) {
    if (authType == null) return null;
    return switch (authType) {
      case "anthropic" -> Providers.ANTHROPIC;
      case "gemini", "vertex-ai" -> Providers.GOOGLE;
      case "qwen-oauth" -> "alibaba";
      default -> null;
    };
  }

  private static boolean failed(Attrs a) {
    String status = a.string("status_code");
    if (status == null) return false;
    try {
      return Integer.parseInt(status.trim()) >= 400;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean codexFailure(Attrs a, UsageRecord.Builder b) {
    String status = a.string("http.response.status_code");
    if (status == null) status = a.string("status");
    boolean failed = a.string("error.message") != null;
    if (status != null) {
      try {
        failed |= Integer.parseInt(status.trim()) >= 400;
      } catch (NumberFormatException e) {
        failed |= !status.equalsIgnoreCase("ok") && !status.equalsIgnoreCase("success");
      }
    }
    if (failed) b.requests(1).status(UsageRecord.STATUS_ERROR).latencyMs(a.millis("duration_ms"));
    return failed;
  }

  /** The record's time, else its {@code event.timestamp} attribute, else when it was observed. */
  private Instant timestamp(LogItem item, Attrs a) {
    if (item.timeUnixNano > 0) {
      return Times.fromNanos(item.timeUnixNano, "time_unix_nano", settings.clock());
    }
    Instant iso = Times.parseIso(a.string("event.timestamp"));
    if (iso != null) return Times.check(iso, "event.timestamp", settings.clock());
    if (item.observedTimeUnixNano > 0) {
      return Times.fromNanos(item.observedTimeUnixNano, "observed_time_unix_nano",
          settings.clock());
    }
    throw new Rejected("no timestamp: event.timestamp, time_unix_nano and"
        + " observed_time_unix_nano are all missing");
  }

  /**
   * The prompt's text when the agent sent it; null when it did not, or sent only a placeholder
   * (Claude Code {@code <REDACTED>} and Codex {@code [REDACTED]} unless prompts are logged): a
   * placeholder's hash would make every prompt look like the same one.
   */
  static String promptText(Attrs a) {
    String text = a.unboundedString("prompt");
    if (text == null || text.isEmpty() || text.equals("<REDACTED>") || text.equals("[REDACTED]")) return null;
    return text;
  }

  static String sha256(String text) {
    if (text == null || text.isEmpty()) return null;
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
