package io.tokenmaxx.cli.report;

import io.tokenmaxx.collect.local.LocalLogScanner;
import io.tokenmaxx.model.Tools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --agent-dir TOOL=DIR} and {@code --tools} values of the commands that read local logs:
 * tool names (short forms accepted) checked against what the scanner reads.
 */
public final class AgentDirs {
  private AgentDirs() {}

  /** A tool's name, its short form ({@code claude}, {@code gemini}, {@code qwen}, {@code copilot}) accepted too. */
  public static String canonical(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "claude" -> Tools.CLAUDE_CODE;
      case "gemini" -> Tools.GEMINI_CLI;
      case "qwen" -> Tools.QWEN_CODE;
      case "copilot" -> Tools.COPILOT_CLI;
      default -> name.trim().toLowerCase(Locale.ROOT);
    };
  }

  /** The tools the local-log commands know, for error messages. */
  public static String known() {
    return String.join(", ", LocalLogScanner.supportedTools());
  }

  /**
   * {@code TOOL=DIR} values (several directories of one tool accumulate) as directories per tool;
   * the four tools with their own flags ({@code --claude-dir} ...) are refused here.
   */
  public static Map<String, List<Path>> parse(List<String> values) {
    Map<String, List<Path>> out = new LinkedHashMap<>();
    Set<String> own = Set.of(Tools.CLAUDE_CODE, Tools.CODEX, Tools.GEMINI_CLI, Tools.QWEN_CODE);
    for (String v : values) {
      int eq = v.indexOf('=');
      if (eq <= 0 || eq == v.length() - 1) {
        throw new IllegalArgumentException("--agent-dir takes TOOL=DIR (e.g. opencode=~/.local/share/opencode), was '" + v + "'");
      }
      String tool = canonical(v.substring(0, eq));
      if (own.contains(tool)) {
        throw new IllegalArgumentException("--agent-dir: " + tool + " has its own flag (--claude-dir, --codex-home, --gemini-dir, --qwen-dir)");
      }
      if (!LocalLogScanner.supportedTools().contains(tool)) {
        throw new IllegalArgumentException("--agent-dir: unknown tool '" + v.substring(0, eq) + "', expected one of " + known());
      }
      out.computeIfAbsent(tool, k -> new ArrayList<>()).add(Path.of(v.substring(eq + 1)));
    }
    return out;
  }

  /** {@code --tools} values as tool names (empty: every tool), unknown ones refused. */
  public static Set<String> tools(List<String> values) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : values) {
      String name = canonical(t);
      if (name.isEmpty()) throw new IllegalArgumentException("--tools: empty tool name in '" + String.join(",", values) + "'");
      if (!LocalLogScanner.supportedTools().contains(name)) {
        throw new IllegalArgumentException("--tools: unknown tool '" + t + "', expected one of " + known());
      }
      out.add(name);
    }
    return out;
  }
}
