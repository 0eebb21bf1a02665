package io.tokenmaxx.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmaxx.gateway.internal.usage.TokenUsage;
import io.tokenmaxx.gateway.internal.usage.UsageJson;

/**
 * What the gateway learns from an upstream's answer, as a whole body or event by event: usage,
 * the model that answered, how it finished, and its text (kept only to count tokens when no usage
 * is reported and to check JSON for a cascade; never recorded).
 */
final class Answer {
  static final ObjectMapper JSON = io.tokenmaxx.gateway.internal.wire.Json.MAPPER;
  static final int MAX_TEXT = 4 << 20;

  enum Finish { STOP, LENGTH, REFUSAL, TOOL, OTHER }

  TokenUsage usage;
  String servedModel;
  Finish finish;
  boolean refusal;
  /** The terminal event was seen (a stream that ends without it was cut off). */
  boolean complete;
  final StringBuilder text = new StringBuilder();

  void text(String s) {
    if (s != null && text.length() < MAX_TEXT) text.append(s);
  }

  static Finish anthropicFinish(String stop) {
    if (stop == null) return null;
    return switch (stop) {
      case "end_turn", "stop_sequence" -> Finish.STOP;
      case "max_tokens", "model_context_window_exceeded" -> Finish.LENGTH;
      case "refusal" -> Finish.REFUSAL;
      case "tool_use" -> Finish.TOOL;
      default -> Finish.OTHER;
    };
  }

  static Finish openAiFinish(String reason) {
    if (reason == null) return null;
    return switch (reason) {
      case "stop" -> Finish.STOP;
      case "length" -> Finish.LENGTH;
      case "content_filter" -> Finish.REFUSAL;
      case "tool_calls", "function_call" -> Finish.TOOL;
      default -> Finish.OTHER;
    };
  }

  /**
   * The usage and model of a whole answer read in one streaming pass, without building the answer's
   * tree (the common case: no cascade to judge, no translation); null when the answer has no usage
   * object at its top level (then {@link #ofBody} reads it all to count its text).
   */
  static Answer usageOnly(Endpoint upstreamEndpoint, byte[] body) {
    try (com.fasterxml.jackson.core.JsonParser p = JSON.getFactory().createParser(body)) {
      if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) return null;
      Answer a = new Answer();
      a.complete = true;
      JsonNode usage = null;
      while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        String f = p.currentName();
        com.fasterxml.jackson.core.JsonToken v = p.nextToken();
        if (f.equals("model") && v == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) a.servedModel = p.getText();
        else if (f.equals("usage") && v == com.fasterxml.jackson.core.JsonToken.START_OBJECT) usage = JSON.readTree(p);
        else p.skipChildren();
      }
      if (usage == null) return null;
      a.usage = switch (upstreamEndpoint) {
        case MESSAGES -> UsageJson.anthropic(usage);
        case RESPONSES -> UsageJson.openAiResponses(usage);
        default -> UsageJson.openAiChat(usage);
      };
      return a;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** Reads a whole (non-streamed) answer body of {@code endpoint}'s upstream protocol. */
  static Answer ofBody(Endpoint upstreamEndpoint, JsonNode b) {
    Answer a = new Answer();
    a.complete = true;
    if (b == null || !b.isObject()) return a;
    a.servedModel = b.path("model").isTextual() ? b.get("model").asText() : null;
    switch (upstreamEndpoint) {
      case MESSAGES -> {
        a.usage = UsageJson.anthropic(b.get("usage"));
        for (JsonNode c : b.path("content")) {
          if (c.path("type").asText().equals("text")) a.text(c.path("text").asText());
          else if (c.path("type").asText().equals("tool_use")) a.text(c.path("input").toString());
        }
        a.finish = anthropicFinish(b.path("stop_reason").asText(null));
        a.refusal = a.finish == Finish.REFUSAL;
      }
      case CHAT -> {
        a.usage = UsageJson.openAiChat(b.get("usage"));
        JsonNode choice = b.path("choices").path(0);
        JsonNode msg = choice.path("message");
        a.text(msg.path("content").isTextual() ? msg.get("content").asText() : null);
        for (JsonNode call : msg.path("tool_calls")) a.text(call.path("function").path("arguments").asText());
        a.finish = openAiFinish(choice.path("finish_reason").asText(null));
        a.refusal = msg.path("refusal").isTextual() || a.finish == Finish.REFUSAL;
      }
      case RESPONSES -> {
        a.usage = UsageJson.openAiResponses(b.get("usage"));
        responsesOutput(a, b);
      }
      case EMBEDDINGS -> {
        a.usage = UsageJson.openAiChat(b.get("usage"));
        a.finish = Finish.STOP;
      }
      default -> { }
    }
    return a;
  }

  static void responsesOutput(Answer a, JsonNode response) {
    for (JsonNode item : response.path("output")) {
      for (JsonNode c : item.path("content")) {
        if (c.path("type").asText().equals("output_text")) a.text(c.path("text").asText());
        if (c.path("type").asText().equals("refusal")) a.refusal = true;
      }
      if (item.path("type").asText().equals("function_call")) a.text(item.path("arguments").asText());
    }
    String status = response.path("status").asText("");
    if (status.equals("incomplete")) {
      a.finish = response.path("incomplete_details").path("reason").asText("").equals("max_output_tokens")
          ? Finish.LENGTH : Finish.REFUSAL;
      if (a.finish == Finish.REFUSAL) a.refusal = true;
    } else if (status.equals("completed")) {
      a.finish = a.refusal ? Finish.REFUSAL : Finish.STOP;
    } else {
      a.finish = Finish.OTHER;
    }
  }

  /** Does the answer's text parse as JSON (for the cascade's invalid-json rule)? */
  boolean textIsJson() {
    String t = text.toString().strip();
    if (t.startsWith("```")) {
      int nl = t.indexOf('\n');
      int end = t.lastIndexOf("```");
      if (nl > 0 && end > nl) t = t.substring(nl + 1, end).strip();
    }
    if (t.isEmpty()) return false;
    try (var p = JSON.getFactory().createParser(t)) {
      JSON.readTree(p);
      return p.nextToken() == null;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
