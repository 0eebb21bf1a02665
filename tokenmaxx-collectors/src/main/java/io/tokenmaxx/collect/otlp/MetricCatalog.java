package io.tokenmaxx.collect.otlp;

import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.Tools;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The metrics tokenmaxx understands, by name, and what each data point becomes. */
final class MetricCatalog {

  /** Who emits a metric: fixes tool, provider and how token types combine. */
  enum Family {
    CLAUDE_CODE(Tools.CLAUDE_CODE, Providers.ANTHROPIC, false),
    /** Gemini's {@code input} includes the cached part ({@code cache}), like the Gemini API. */
    GEMINI_CLI(Tools.GEMINI_CLI, Providers.GOOGLE, true),
    GEN_AI(Tools.API, null, false);

    final String tool;
    final String provider;
    final boolean inputIncludesCacheRead;

    Family(String tool, String provider, boolean inputIncludesCacheRead) {
      this.tool = tool;
      this.provider = provider;
      this.inputIncludesCacheRead = inputIncludesCacheRead;
    }

    boolean isAgent() {
      return this != GEN_AI;
    }
  }

  /** Which {@code UsageRecord} token field a token type adds to. */
  enum Slot { INPUT, OUTPUT, CACHE_READ, CACHE_WRITE, REASONING, EXTRA_INPUT }

  enum Kind {
    /** A counter of tokens split by a type attribute. */
    TOKENS,
    /** A counter of reported cost in USD. */
    COST,
    /** A GenAI {@code gen_ai.client.token.usage} histogram split by token type. */
    TOKEN_HISTOGRAM,
    /** A counter that becomes {@code OutcomeRecord}s. */
    OUTCOME
  }

  record Spec(String name, Family family, Kind kind, String typeAttribute,
      Map<String, Slot> slots, Map<String, OutcomeKind> outcomes, OutcomeKind defaultOutcome,
      List<String> detailAttributes) {

    boolean wantsHistogram() {
      return kind == Kind.TOKEN_HISTOGRAM;
    }

    /** The values the type attribute may take, for messages. */
    String expectedTypes() {
      return String.join("|", kind == Kind.OUTCOME ? outcomes.keySet() : slots.keySet());
    }
  }

  private static final Map<String, Spec> SPECS = new HashMap<>();

  static {
    // Claude Code (https://docs.claude.com/en/docs/claude-code/monitoring-usage)
    tokens("claude_code.token.usage", Family.CLAUDE_CODE, "type", Map.of(
        "input", Slot.INPUT, "output", Slot.OUTPUT, "cacheRead", Slot.CACHE_READ,
        "cacheCreation", Slot.CACHE_WRITE));
    cost("claude_code.cost.usage", Family.CLAUDE_CODE);
    outcome("claude_code.session.count", Family.CLAUDE_CODE, OutcomeKind.SESSION);
    outcome("claude_code.commit.count", Family.CLAUDE_CODE, OutcomeKind.COMMIT);
    outcome("claude_code.pull_request.count", Family.CLAUDE_CODE, OutcomeKind.PULL_REQUEST);
    outcomeByType("claude_code.lines_of_code.count", Family.CLAUDE_CODE, "type", Map.of(
        "added", OutcomeKind.LINES_ADDED, "removed", OutcomeKind.LINES_REMOVED), null, List.of());
    // Older versions sent active time without a type: it was the user's interaction time.
    outcomeByType("claude_code.active_time.total", Family.CLAUDE_CODE, "type", Map.of(
        "user", OutcomeKind.ACTIVE_SECONDS_USER, "cli", OutcomeKind.ACTIVE_SECONDS_CLI),
        OutcomeKind.ACTIVE_SECONDS_USER, List.of());
    outcomeByType("claude_code.code_edit_tool.decision", Family.CLAUDE_CODE, "decision", Map.of(
        "accept", OutcomeKind.EDIT_ACCEPTED, "reject", OutcomeKind.EDIT_REJECTED), null,
        List.of("tool_name", "language"));
    // Gemini CLI (docs/telemetry.md in google-gemini/gemini-cli)
    tokens("gemini_cli.token.usage", Family.GEMINI_CLI, "type", Map.of(
        "input", Slot.INPUT, "output", Slot.OUTPUT, "thought", Slot.REASONING,
        "cache", Slot.CACHE_READ, "tool", Slot.EXTRA_INPUT));
    outcome("gemini_cli.session.count", Family.GEMINI_CLI, OutcomeKind.SESSION);
    outcomeByType("gemini_cli.lines.changed", Family.GEMINI_CLI, "type", Map.of(
        "added", OutcomeKind.LINES_ADDED, "removed", OutcomeKind.LINES_REMOVED), null, List.of());
    // OpenTelemetry GenAI semantic conventions
    SPECS.put("gen_ai.client.token.usage", new Spec("gen_ai.client.token.usage", Family.GEN_AI,
        Kind.TOKEN_HISTOGRAM, "gen_ai.token.type",
        Map.of("input", Slot.INPUT, "output", Slot.OUTPUT), Map.of(), null, List.of()));
  }

  private MetricCatalog() {}

  /** The spec of a metric, or null when tokenmaxx does not use it. */
  static Spec get(String name) {
    return SPECS.get(name);
  }

  /** Whether a metric name belongs to a coding agent (its resource is then not a GenAI app). */
  static boolean isAgentMetric(String name) {
    return name.startsWith("claude_code.") || name.startsWith("gemini_cli.")
        || name.startsWith("codex.") || name.startsWith("qwen-code.");
  }

  private static void tokens(String name, Family f, String typeAttribute, Map<String, Slot> slots) {
    SPECS.put(name, new Spec(name, f, Kind.TOKENS, typeAttribute, slots, Map.of(), null,
        List.of()));
  }

  private static void cost(String name, Family f) {
    SPECS.put(name, new Spec(name, f, Kind.COST, null, Map.of(), Map.of(), null, List.of()));
  }

  private static void outcome(String name, Family f, OutcomeKind kind) {
    SPECS.put(name, new Spec(name, f, Kind.OUTCOME, null, Map.of(), Map.of(), kind, List.of()));
  }

  private static void outcomeByType(String name, Family f, String attribute,
      Map<String, OutcomeKind> kinds, OutcomeKind defaultKind, List<String> detail) {
    SPECS.put(name, new Spec(name, f, Kind.OUTCOME, attribute, Map.of(), kinds, defaultKind,
        detail));
  }
}
