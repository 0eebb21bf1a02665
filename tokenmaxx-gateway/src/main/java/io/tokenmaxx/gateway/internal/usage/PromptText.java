package io.tokenmaxx.gateway.internal.usage;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The text of a request's prompt parts (messages, system, input, instructions, prompt, tool
 * definitions), for counting its tokens when the answer reports no usage. Only counted, never kept.
 */
public final class PromptText {
  private PromptText() {}

  public static String of(JsonNode body) {
    StringBuilder sb = new StringBuilder();
    collect(body, null, sb);
    return sb.toString();
  }

  private static void collect(JsonNode n, String field, StringBuilder sb) {
    if (n.isTextual()) {
      if (field == null || switch (field) {
        case "content", "text", "input", "instructions", "system", "prompt", "arguments", "thinking", "description" -> true;
        default -> false;
      }) {
        sb.append(n.asText()).append('\n');
      }
    } else if (n.isArray()) {
      for (JsonNode x : n) collect(x, field, sb);
    } else if (n.isObject()) {
      n.fields().forEachRemaining(e -> {
        String f = e.getKey();
        if (field == null && !(f.equals("messages") || f.equals("system") || f.equals("input") || f.equals("instructions")
            || f.equals("prompt") || f.equals("tools"))) {
          return;
        }
        collect(e.getValue(), f.equals("messages") || f.equals("tools") ? "content" : f, sb);
      });
    }
  }
}
