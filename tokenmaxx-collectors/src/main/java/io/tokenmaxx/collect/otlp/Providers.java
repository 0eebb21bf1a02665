package io.tokenmaxx.collect.otlp;

import java.util.Locale;

/** Normalizes GenAI provider names ({@code gen_ai.provider.name}, {@code gen_ai.system}). */
final class Providers {
  static final String ANTHROPIC = "anthropic";
  static final String OPENAI = "openai";
  static final String GOOGLE = "google";

  private Providers() {}

  static String normalize(String reported) {
    if (reported == null) return null;
    String p = reported.trim().toLowerCase(Locale.ROOT);
    if (p.isEmpty()) return null;
    if (p.equals("openai") || p.equals("azure.ai.openai") || p.equals("az.ai.openai")) {
      return OPENAI;
    }
    if (p.equals("anthropic")) return ANTHROPIC;
    if (p.startsWith("gcp.") || p.equals("gemini") || p.equals("vertex_ai") || p.equals("google")) {
      return GOOGLE;
    }
    return p;
  }
}
