package io.tokenmaxx.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmaxx.gateway.internal.usage.TokenUsage;
import io.tokenmaxx.gateway.internal.usage.UsageJson;
import io.tokenmaxx.gateway.internal.wire.SseReader;
import java.io.IOException;

/**
 * Follows an upstream's event stream of one endpoint and fills an {@link Answer}: usage, model,
 * finish, text. Only the events that carry these are parsed.
 */
abstract class StreamTracker {
  final Answer answer = new Answer();

  abstract void onEvent(SseReader.Event e) throws IOException;

  static StreamTracker of(Endpoint upstreamEndpoint) {
    return switch (upstreamEndpoint) {
      case MESSAGES -> new Anthropic();
      case RESPONSES -> new Responses();
      default -> new Chat();
    };
  }

  static JsonNode parse(String data) throws IOException {
    return Answer.JSON.readTree(data);
  }

  /** Anthropic: message_start, content_block_delta, message_delta, message_stop. */
  static final class Anthropic extends StreamTracker {
    private TokenUsage start;
    private TokenUsage delta;

    @Override
    void onEvent(SseReader.Event e) throws IOException {
      String type = e.event();
      if (type == null || e.data() == null) return;
      switch (type) {
        case "message_start" -> {
          JsonNode m = parse(e.data()).path("message");
          answer.servedModel = m.path("model").asText(null);
          start = UsageJson.anthropic(m.get("usage"));
          answer.usage = UsageJson.anthropicMerge(start, delta);
        }
        case "content_block_delta" -> {
          JsonNode d = parse(e.data()).path("delta");
          switch (d.path("type").asText("")) {
            case "text_delta" -> answer.text(d.path("text").asText());
            case "input_json_delta" -> answer.text(d.path("partial_json").asText());
            case "thinking_delta" -> answer.text(d.path("thinking").asText());
            default -> { }
          }
        }
        case "message_delta" -> {
          JsonNode n = parse(e.data());
          delta = UsageJson.anthropic(n.get("usage"));
          answer.usage = UsageJson.anthropicMerge(start, delta);
          answer.finish = Answer.anthropicFinish(n.path("delta").path("stop_reason").asText(null));
          answer.refusal = answer.finish == Answer.Finish.REFUSAL;
        }
        case "message_stop" -> answer.complete = true;
        default -> { }
      }
    }
  }

  /** OpenAI chat completions: chunks, an optional usage chunk, then {@code [DONE]}. */
  static final class Chat extends StreamTracker {
    /** The last data was the usage chunk (no choices, usage set). */
    boolean lastWasUsageChunk;

    @Override
    void onEvent(SseReader.Event e) throws IOException {
      lastWasUsageChunk = false;
      String d = e.data();
      if (d == null) return;
      if (d.startsWith("[DONE]")) {
        answer.complete = true;
        return;
      }
      JsonNode n = parse(d);
      if (answer.servedModel == null && n.path("model").isTextual()) answer.servedModel = n.get("model").asText();
      JsonNode u = n.get("usage");
      if (u != null && u.isObject()) {
        answer.usage = UsageJson.openAiChat(u);
        lastWasUsageChunk = n.path("choices").isEmpty();
      }
      JsonNode c = n.path("choices").path(0);
      if (c.isObject()) {
        JsonNode delta = c.path("delta");
        if (delta.path("content").isTextual()) answer.text(delta.get("content").asText());
        if (delta.path("refusal").isTextual()) answer.refusal = true;
        for (JsonNode call : delta.path("tool_calls")) answer.text(call.path("function").path("arguments").asText());
        if (c.path("finish_reason").isTextual()) {
          answer.finish = Answer.openAiFinish(c.get("finish_reason").asText());
          if (answer.finish == Answer.Finish.REFUSAL) answer.refusal = true;
        }
      }
    }
  }

  /** OpenAI Responses: typed events; response.completed / incomplete / failed carry usage. */
  static final class Responses extends StreamTracker {
    @Override
    void onEvent(SseReader.Event e) throws IOException {
      String type = e.event();
      if (e.data() == null) return;
      if (type == null) {
        if (!e.data().contains("\"type\"")) return;
        type = parse(e.data()).path("type").asText("");
      }
      switch (type) {
        case "response.created" -> answer.servedModel = parse(e.data()).path("response").path("model").asText(null);
        case "response.output_text.delta" -> answer.text(parse(e.data()).path("delta").asText());
        case "response.refusal.delta" -> answer.refusal = true;
        case "response.function_call_arguments.delta" -> answer.text(parse(e.data()).path("delta").asText());
        case "response.completed", "response.incomplete", "response.failed" -> {
          JsonNode r = parse(e.data()).path("response");
          answer.usage = UsageJson.openAiResponses(r.get("usage"));
          if (r.path("model").isTextual()) answer.servedModel = r.get("model").asText();
          Answer probe = new Answer();
          Answer.responsesOutput(probe, r);
          answer.finish = probe.finish;
          answer.refusal |= probe.refusal;
          answer.complete = true;
        }
        default -> { }
      }
    }
  }
}
