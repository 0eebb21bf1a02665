package io.tokenmaxx.gateway.internal.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Translates Anthropic answers back into OpenAI chat-completions shapes: a message into a
 * {@code chat.completion}, usage into OpenAI's counts (prompt tokens include cache reads and
 * writes, {@code cached_tokens} the reads), stop reasons into finish reasons, errors into
 * OpenAI's error object.
 */
public final class AnthropicToChat {
  static final ObjectMapper JSON = ChatToAnthropic.JSON;

  private AnthropicToChat() {}

  public static String finishReason(String stopReason) {
    if (stopReason == null) return null;
    return switch (stopReason) {
      case "max_tokens", "model_context_window_exceeded" -> "length";
      case "tool_use" -> "tool_calls";
      case "refusal" -> "content_filter";
      default -> "stop";
    };
  }

  public static ObjectNode usage(JsonNode u) {
    long input = u.path("input_tokens").asLong(0);
    long read = u.path("cache_read_input_tokens").asLong(0);
    long write = u.path("cache_creation_input_tokens").asLong(0);
    long output = u.path("output_tokens").asLong(0);
    ObjectNode n = JSON.createObjectNode();
    n.put("prompt_tokens", input + read + write);
    n.put("completion_tokens", output);
    n.put("total_tokens", input + read + write + output);
    n.putObject("prompt_tokens_details").put("cached_tokens", read);
    n.putObject("completion_tokens_details").put("reasoning_tokens", 0);
    return n;
  }

  public static ObjectNode completion(JsonNode msg, long created) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", "chatcmpl-" + msg.path("id").asText());
    n.put("object", "chat.completion");
    n.put("created", created);
    n.put("model", msg.path("model").asText());
    ObjectNode choice = n.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode m = choice.putObject("message");
    m.put("role", "assistant");
    StringBuilder text = new StringBuilder();
    ArrayNode calls = JSON.createArrayNode();
    for (JsonNode b : msg.path("content")) {
      switch (b.path("type").asText("")) {
        case "text" -> text.append(b.path("text").asText());
        case "tool_use" -> {
          ObjectNode c = calls.addObject();
          c.put("id", b.path("id").asText());
          c.put("type", "function");
          c.putObject("function").put("name", b.path("name").asText()).put("arguments", b.path("input").toString());
        }
        default -> { }
      }
    }
    String stop = msg.path("stop_reason").asText(null);
    if (text.isEmpty() && !calls.isEmpty()) m.putNull("content"); else m.put("content", text.toString());
    if ("refusal".equals(stop)) m.put("refusal", text.toString()); else m.putNull("refusal");
    if (!calls.isEmpty()) m.set("tool_calls", calls);
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason(stop));
    n.set("usage", usage(msg.path("usage")));
    return n;
  }

  /** Anthropic's {@code {"type":"error","error":{type,message}}} as OpenAI's error object. */
  public static ObjectNode error(JsonNode anthropicError) {
    ObjectNode n = JSON.createObjectNode();
    ObjectNode e = n.putObject("error");
    JsonNode err = anthropicError.path("error");
    e.put("message", err.path("message").asText("upstream error"));
    e.put("type", err.path("type").asText("api_error"));
    e.putNull("param");
    e.putNull("code");
    return n;
  }
}
