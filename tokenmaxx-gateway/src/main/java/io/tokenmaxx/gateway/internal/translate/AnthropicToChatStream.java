package io.tokenmaxx.gateway.internal.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an Anthropic Messages event stream into OpenAI {@code chat.completion.chunk} events, one
 * event at a time: the role chunk at {@code message_start}, text deltas as content, tool-use
 * blocks as indexed tool calls with their argument fragments, the finish reason at
 * {@code message_delta}, the usage chunk when the client asked for it, and {@code [DONE]} at
 * {@code message_stop}. Thinking is not passed on (chat completions has no field for it).
 */
public final class AnthropicToChatStream {
  static final ObjectMapper JSON = ChatToAnthropic.JSON;
  private final boolean includeUsage;
  private final long created;
  private String id = "chatcmpl-gateway";
  private String model = "";
  private final Map<Integer, Integer> toolIndex = new HashMap<>();
  private JsonNode startUsage;
  private ObjectNode usage;

  public AnthropicToChatStream(boolean includeUsage, long created) {
    this.includeUsage = includeUsage;
    this.created = created;
  }

  /** The SSE {@code data:} payloads to send for one Anthropic event (possibly none). */
  public List<String> translate(String event, String data) throws IOException {
    List<String> out = new ArrayList<>(2);
    if (event == null || data == null) return out;
    switch (event) {
      case "message_start" -> {
        JsonNode m = JSON.readTree(data).path("message");
        id = "chatcmpl-" + m.path("id").asText();
        model = m.path("model").asText();
        startUsage = m.path("usage");
        ObjectNode c = chunk();
        ObjectNode d = choice(c);
        d.putObject("delta").put("role", "assistant").put("content", "");
        out.add(JSON.writeValueAsString(c));
      }
      case "content_block_start" -> {
        JsonNode n = JSON.readTree(data);
        JsonNode b = n.path("content_block");
        if (b.path("type").asText().equals("tool_use")) {
          int idx = toolIndex.size();
          toolIndex.put(n.path("index").asInt(), idx);
          ObjectNode c = chunk();
          ObjectNode call = choice(c).putObject("delta").putArray("tool_calls").addObject();
          call.put("index", idx);
          call.put("id", b.path("id").asText());
          call.put("type", "function");
          call.putObject("function").put("name", b.path("name").asText()).put("arguments", "");
          out.add(JSON.writeValueAsString(c));
        }
      }
      case "content_block_delta" -> {
        JsonNode n = JSON.readTree(data);
        JsonNode d = n.path("delta");
        switch (d.path("type").asText("")) {
          case "text_delta" -> {
            ObjectNode c = chunk();
            choice(c).putObject("delta").put("content", d.path("text").asText());
            out.add(JSON.writeValueAsString(c));
          }
          case "input_json_delta" -> {
            Integer idx = toolIndex.get(n.path("index").asInt());
            if (idx != null) {
              ObjectNode c = chunk();
              ObjectNode call = choice(c).putObject("delta").putArray("tool_calls").addObject();
              call.put("index", idx);
              call.putObject("function").put("arguments", d.path("partial_json").asText());
              out.add(JSON.writeValueAsString(c));
            }
          }
          default -> { }
        }
      }
      case "message_delta" -> {
        JsonNode n = JSON.readTree(data);
        ObjectNode merged = JSON.createObjectNode();
        if (startUsage != null && startUsage.isObject()) merged.setAll((ObjectNode) startUsage);
        n.path("usage").fields().forEachRemaining(f -> merged.set(f.getKey(), f.getValue()));
        usage = AnthropicToChat.usage(merged);
        ObjectNode c = chunk();
        ObjectNode ch = choice(c);
        ch.putObject("delta");
        ch.put("finish_reason", AnthropicToChat.finishReason(n.path("delta").path("stop_reason").asText(null)));
        out.add(JSON.writeValueAsString(c));
      }
      case "message_stop" -> {
        if (includeUsage && usage != null) {
          ObjectNode c = chunk();
          c.set("usage", usage);
          out.add(JSON.writeValueAsString(c));
        }
        out.add("[DONE]");
      }
      case "error" -> out.add(JSON.writeValueAsString(AnthropicToChat.error(JSON.readTree(data))));
      default -> { }
    }
    return out;
  }

  private ObjectNode chunk() {
    ObjectNode c = JSON.createObjectNode();
    c.put("id", id);
    c.put("object", "chat.completion.chunk");
    c.put("created", created);
    c.put("model", model);
    c.putArray("choices");
    return c;
  }

  private static ObjectNode choice(ObjectNode chunk) {
    ObjectNode ch = ((ArrayNode) chunk.get("choices")).addObject();
    ch.put("index", 0);
    ch.putNull("finish_reason");
    return ch;
  }
}
