package io.tokenmaxx.gateway.config;

import java.util.Locale;

/** The wire protocol an upstream speaks (and a client speaks under its path prefix). */
public enum Protocol {
  /** Anthropic's Messages API; base URLs without {@code /v1}. */
  ANTHROPIC,
  /** OpenAI's API and every OpenAI-compatible server; base URLs with {@code /v1}. */
  OPENAI;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Protocol parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be anthropic or openai, was '" + s + "'");
    }
  }
}
