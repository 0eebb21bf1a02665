package io.tokenmaxx.analyze;

import io.tokenmaxx.model.Tools;
import java.util.Locale;
import java.util.Set;

/** How a tool is used: a coding agent, a chat app, direct API calls, or something else. */
public enum ToolCategory {
  CODING_AGENT, CHAT, API, OTHER;

  private static final Set<String> AGENTS = Set.copyOf(Tools.CODING_AGENTS);

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static ToolCategory of(String tool) {
    if (tool == null) return OTHER;
    if (AGENTS.contains(tool)) return CODING_AGENT;
    if (tool.equals(Tools.CHAT)) return CHAT;
    if (tool.equals(Tools.API)) return API;
    return OTHER;
  }
}
