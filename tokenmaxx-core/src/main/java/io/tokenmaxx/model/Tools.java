package io.tokenmaxx.model;

/** Canonical names of the clients that produce usage ({@link UsageRecord#tool()}). */
public final class Tools {
  public static final String CLAUDE_CODE = "claude-code";
  public static final String CODEX = "codex";
  public static final String GEMINI_CLI = "gemini-cli";
  public static final String QWEN_CODE = "qwen-code";
  public static final String OPENCODE = "opencode";
  public static final String COPILOT_CLI = "copilot-cli";
  public static final String AMP = "amp";
  public static final String KIMI = "kimi";
  public static final String DROID = "droid";
  public static final String KILO = "kilo";
  public static final String API = "api";
  public static final String CHAT = "chat";

  /**
   * The coding agents (the dashboard's "coding agent" category): those whose local logs or
   * telemetry tokenmaxx reads.
   */
  public static final java.util.List<String> CODING_AGENTS = java.util.List.of(CLAUDE_CODE, CODEX, GEMINI_CLI,
      QWEN_CODE, OPENCODE, COPILOT_CLI, AMP, KIMI, DROID, KILO);

  private Tools() {}
}
