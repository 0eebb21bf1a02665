package io.tokenmaxx.gateway.internal.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Translates an OpenAI chat-completions request into an Anthropic Messages request: system and
 * developer messages become {@code system}; user text and images (data URLs and links); assistant
 * text and tool calls ({@code tool_use}); tool results ({@code tool_result} in a user turn);
 * consecutive turns of one role merged; tools, tool choice, stop sequences, sampling settings and
 * the output limit ({@code max_tokens} is required by Anthropic: 4096 when the client set none).
 * A {@code response_format} asking for JSON becomes an instruction in the system prompt, since
 * Messages has no such switch.
 */
public final class ChatToAnthropic {
  static final ObjectMapper JSON = io.tokenmaxx.gateway.internal.wire.Json.MAPPER;
  public static final long DEFAULT_MAX_TOKENS = 4096;

  private ChatToAnthropic() {}

  /** Thrown for a chat request that cannot be expressed in Messages; the message names the field. */
  public static final class Untranslatable extends Exception {
    public Untranslatable(String message) {
      super(message);
    }
  }

  public static ObjectNode request(JsonNode chat, String model) throws Untranslatable {
    ObjectNode out = JSON.createObjectNode();
    out.put("model", model);
    long max = chat.path("max_completion_tokens").asLong(chat.path("max_tokens").asLong(DEFAULT_MAX_TOKENS));
    out.put("max_tokens", max);
    StringBuilder system = new StringBuilder();
    ArrayNode messages = out.putArray("messages");
    JsonNode in = chat.path("messages");
    if (!in.isArray() || in.isEmpty()) throw new Untranslatable("messages: at least one message is required");
    for (int i = 0; i < in.size(); i++) {
      JsonNode m = in.get(i);
      String role = m.path("role").asText("");
      switch (role) {
        case "system", "developer" -> {
          if (!system.isEmpty()) system.append("\n\n");
          system.append(text(m.get("content"), "messages[" + i + "].content"));
        }
        case "user" -> append(messages, "user", userContent(m.get("content"), "messages[" + i + "].content"));
        case "assistant" -> {
          ArrayNode blocks = JSON.createArrayNode();
          JsonNode c = m.get("content");
          if (c != null && !c.isNull()) {
            String t = text(c, "messages[" + i + "].content");
            if (!t.isEmpty()) blocks.addObject().put("type", "text").put("text", t);
          }
          for (JsonNode call : m.path("tool_calls")) {
            ObjectNode b = blocks.addObject();
            b.put("type", "tool_use");
            b.put("id", call.path("id").asText());
            b.put("name", call.path("function").path("name").asText());
            String args = call.path("function").path("arguments").asText("{}");
            try {
              b.set("input", args.isBlank() ? JSON.createObjectNode() : JSON.readTree(args));
            } catch (IOException e) {
              throw new Untranslatable("messages[" + i + "].tool_calls: arguments are not JSON");
            }
          }
          if (!blocks.isEmpty()) append(messages, "assistant", blocks);
        }
        case "tool" -> {
          ArrayNode blocks = JSON.createArrayNode();
          ObjectNode b = blocks.addObject();
          b.put("type", "tool_result");
          b.put("tool_use_id", m.path("tool_call_id").asText());
          b.put("content", text(m.get("content"), "messages[" + i + "].content"));
          append(messages, "user", blocks);
        }
        default -> throw new Untranslatable("messages[" + i + "].role: '" + role + "' is not supported");
      }
    }
    if (isJsonFormat(chat.path("response_format"))) {
      if (!system.isEmpty()) system.append("\n\n");
      system.append("Answer with a single valid JSON value and nothing else.");
      JsonNode schema = chat.path("response_format").path("json_schema").path("schema");
      if (schema.isObject()) system.append(" It must match this JSON schema: ").append(schema);
    }
    if (!system.isEmpty()) out.put("system", system.toString());
    copy(chat, out, "temperature", "temperature");
    copy(chat, out, "top_p", "top_p");
    JsonNode stop = chat.get("stop");
    if (stop != null && !stop.isNull()) {
      ArrayNode s = out.putArray("stop_sequences");
      if (stop.isArray()) stop.forEach(x -> s.add(x.asText())); else s.add(stop.asText());
    }
    if (chat.path("stream").asBoolean(false)) out.put("stream", true);
    JsonNode tools = chat.get("tools");
    if (tools != null && tools.isArray() && !tools.isEmpty()) {
      ArrayNode ts = out.putArray("tools");
      for (JsonNode t : tools) {
        JsonNode f = t.path("function");
        ObjectNode x = ts.addObject();
        x.put("name", f.path("name").asText());
        if (f.path("description").isTextual()) x.put("description", f.get("description").asText());
        x.set("input_schema", f.path("parameters").isObject() ? f.get("parameters")
            : JSON.createObjectNode().put("type", "object"));
      }
    }
    JsonNode choice = chat.get("tool_choice");
    if (choice != null && !choice.isNull()) {
      if (choice.isTextual()) {
        switch (choice.asText()) {
          case "auto" -> out.putObject("tool_choice").put("type", "auto");
          case "required" -> out.putObject("tool_choice").put("type", "any");
          case "none" -> out.putObject("tool_choice").put("type", "none");
          default -> throw new Untranslatable("tool_choice: '" + choice.asText() + "' is not supported");
        }
      } else {
        out.putObject("tool_choice").put("type", "tool").put("name", choice.path("function").path("name").asText());
      }
      if (chat.path("parallel_tool_calls").isBoolean() && !chat.get("parallel_tool_calls").asBoolean()) {
        ((ObjectNode) out.get("tool_choice")).put("disable_parallel_tool_use", true);
      }
    }
    if (chat.path("user").isTextual()) out.putObject("metadata").put("user_id", chat.get("user").asText());
    return out;
  }

  static boolean isJsonFormat(JsonNode f) {
    String t = f.path("type").asText("");
    return t.equals("json_object") || t.equals("json_schema");
  }

  private static void copy(JsonNode from, ObjectNode to, String f, String t) {
    JsonNode v = from.get(f);
    if (v != null && !v.isNull()) to.set(t, v);
  }

  private static void append(ArrayNode messages, String role, JsonNode content) {
    if (!messages.isEmpty()) {
      ObjectNode last = (ObjectNode) messages.get(messages.size() - 1);
      if (last.path("role").asText().equals(role)) {
        ArrayNode merged = toBlocks(last.get("content"));
        merged.addAll(toBlocks(content));
        last.set("content", merged);
        return;
      }
    }
    ObjectNode m = messages.addObject();
    m.put("role", role);
    m.set("content", content);
  }

  private static ArrayNode toBlocks(JsonNode content) {
    if (content.isArray()) return ((ArrayNode) content).deepCopy();
    ArrayNode a = JSON.createArrayNode();
    a.addObject().put("type", "text").put("text", content.asText());
    return a;
  }

  private static String text(JsonNode c, String at) throws Untranslatable {
    if (c == null || c.isNull()) return "";
    if (c.isTextual()) return c.asText();
    if (c.isArray()) {
      StringBuilder sb = new StringBuilder();
      for (JsonNode p : c) {
        if (p.path("type").asText().equals("text")) sb.append(p.path("text").asText());
        else throw new Untranslatable(at + ": only text parts can go here, found '" + p.path("type").asText() + "'");
      }
      return sb.toString();
    }
    throw new Untranslatable(at + ": must be a string or a list of parts");
  }

  private static JsonNode userContent(JsonNode c, String at) throws Untranslatable {
    if (c == null || c.isNull()) throw new Untranslatable(at + ": is required");
    if (c.isTextual()) return c;
    if (!c.isArray()) throw new Untranslatable(at + ": must be a string or a list of parts");
    ArrayNode out = JSON.createArrayNode();
    for (JsonNode p : c) {
      switch (p.path("type").asText("")) {
        case "text" -> out.addObject().put("type", "text").put("text", p.path("text").asText());
        case "image_url" -> {
          String url = p.path("image_url").path("url").asText(p.path("image_url").asText(""));
          ObjectNode img = out.addObject();
          img.put("type", "image");
          ObjectNode src = img.putObject("source");
          if (url.startsWith("data:")) {
            int semi = url.indexOf(';');
            int comma = url.indexOf(',');
            if (semi < 0 || comma < semi || !url.substring(semi, comma).contains("base64")) {
              throw new Untranslatable(at + ": an image data URL must be base64");
            }
            src.put("type", "base64");
            src.put("media_type", url.substring(5, semi));
            src.put("data", url.substring(comma + 1));
          } else {
            src.put("type", "url");
            src.put("url", url);
          }
        }
        default -> throw new Untranslatable(at + ": part type '" + p.path("type").asText() + "' is not supported");
      }
    }
    return out;
  }
}
