package io.tokenmaxx.model;

/** Canonical names of the clients that produce usage ({@link UsageRecord#tool()}). */
public final class Tools {
  public static final String CLAUDE_CODE = "claude-code";
  public static final String CODEX = "codex";
  public static final String GEMINI_CLI = "gemini-cli";
  public static final String QWEN_CODE = "qwen-code";
  public static final String OPENCODE = "opencode";
  public static final String API = "api";
  public static final String CHAT = "chat";

  private Tools() {}
}
