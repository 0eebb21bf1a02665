package io.tokenmaxx.collect.otlp;

import io.tokenmaxx.model.Tools;
import java.util.Map;

/** The log events tokenmaxx understands, by full event name. */
final class EventCatalog {

  enum Kind {
    /** One model request with its token counts. */
    USAGE,
    /** A failed model request. */
    ERROR,
    /** A user prompt (its text, when sent, is only hashed). */
    PROMPT,
    /** A Codex HTTP request: a record only when it failed. */
    CODEX_REQUEST,
    /** Known, carries nothing tokenmaxx counts (tool results, decisions, ...). */
    KNOWN
  }

  record Event(String name, String tool, String provider, Kind kind) {}

  private static final Map<String, Event> EVENTS = Map.ofEntries(
      entry("claude_code.api_request", Tools.CLAUDE_CODE, Providers.ANTHROPIC, Kind.USAGE),
      entry("claude_code.api_error", Tools.CLAUDE_CODE, Providers.ANTHROPIC, Kind.ERROR),
      entry("claude_code.user_prompt", Tools.CLAUDE_CODE, Providers.ANTHROPIC, Kind.PROMPT),
      entry("gemini_cli.api_response", Tools.GEMINI_CLI, Providers.GOOGLE, Kind.USAGE),
      entry("gemini_cli.api_error", Tools.GEMINI_CLI, Providers.GOOGLE, Kind.ERROR),
      entry("gemini_cli.user_prompt", Tools.GEMINI_CLI, Providers.GOOGLE, Kind.PROMPT),
      entry("codex.sse_event", Tools.CODEX, Providers.OPENAI, Kind.USAGE),
      entry("codex.api_request", Tools.CODEX, Providers.OPENAI, Kind.CODEX_REQUEST),
      entry("codex.user_prompt", Tools.CODEX, Providers.OPENAI, Kind.PROMPT),
      // Qwen Code talks to any provider: the event's auth_type says which (LogMapper).
      entry("qwen-code.api_response", Tools.QWEN_CODE, null, Kind.USAGE),
      entry("qwen-code.api_error", Tools.QWEN_CODE, null, Kind.ERROR),
      entry("qwen-code.user_prompt", Tools.QWEN_CODE, null, Kind.PROMPT));

  private static Map.Entry<String, Event> entry(String name, String tool, String provider,
      Kind kind) {
    return Map.entry(name, new Event(name, tool, provider, kind));
  }

  private EventCatalog() {}

  /** The event, or null when tokenmaxx does not use it. */
  static Event get(String name) {
    return name == null ? null : EVENTS.get(name);
  }

  /** The event-name prefix of a coding agent's tool name, or null. */
  static String prefixOf(String tool) {
    if (tool == null) return null;
    return switch (tool) {
      case Tools.CLAUDE_CODE -> "claude_code.";
      case Tools.GEMINI_CLI -> "gemini_cli.";
      case Tools.CODEX -> "codex.";
      case Tools.QWEN_CODE -> "qwen-code.";
      default -> null;
    };
  }

  /**
   * Whether an event of this tool has metric counterparts whose counts it supersedes. Codex's and
   * Qwen Code's token metrics carry no session to reconcile against, and are not used at all.
   */
  static boolean supersedesMetrics(String tool) {
    return Tools.CLAUDE_CODE.equals(tool) || Tools.GEMINI_CLI.equals(tool);
  }
}
