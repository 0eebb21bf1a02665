package io.tokenmaxx.collect.local;

import io.tokenmaxx.model.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where Claude Code keeps its transcripts: {@code projects/} under each config directory —
 * {@code CLAUDE_CONFIG_DIR} (comma-separated, several allowed; a path may also name the
 * {@code projects/} directory itself), otherwise {@code $XDG_CONFIG_HOME/claude} (default
 * {@code ~/.config/claude}) and {@code ~/.claude}. Transcripts are {@code *.jsonl} at any depth:
 * flat {@code projects/{project}/{session}.jsonl}, nested {@code projects/{project}/{session}/*.jsonl}
 * and sub-agents under {@code {session}/subagents/}.
 */
final class ClaudeLogs {
  private ClaudeLogs() {}

  /** The config directories to read, in order; explicit ones must exist. */
  static List<Path> configDirs(List<Path> explicit, Map<String, String> env, Path home) {
    Set<Path> dirs = new LinkedHashSet<>();
    if (!explicit.isEmpty()) {
      for (Path p : explicit) {
        Path d = normalize(p, home);
        if (!Files.isDirectory(d.resolve("projects"))) {
          throw new IllegalArgumentException("Claude config directory " + p
              + " has no projects/ folder (expected a Claude config dir or its projects/ dir)");
        }
        dirs.add(d);
      }
      return List.copyOf(dirs);
    }
    String envDirs = env.get("CLAUDE_CONFIG_DIR");
    if (envDirs != null && !envDirs.isBlank()) {
      for (String raw : envDirs.split(",")) {
        String t = raw.trim();
        if (t.isEmpty()) continue;
        Path d = normalize(Path.of(t), home);
        if (Files.isDirectory(d.resolve("projects"))) dirs.add(d);
      }
      if (dirs.isEmpty()) {
        throw new IllegalArgumentException("CLAUDE_CONFIG_DIR=" + envDirs
            + " names no Claude config directory with a projects/ folder");
      }
      return List.copyOf(dirs);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
    for (Path d : List.of(config.resolve("claude"), home.resolve(".claude"))) {
      if (Files.isDirectory(d.resolve("projects"))) dirs.add(d.toAbsolutePath().normalize());
    }
    return List.copyOf(dirs);
  }

  private static Path normalize(Path p, Path home) {
    String s = p.toString();
    if (s.equals("~")) p = home;
    else if (s.startsWith("~/")) p = home.resolve(s.substring(2));
    p = p.toAbsolutePath().normalize();
    if (p.getFileName() != null && p.getFileName().toString().equals("projects") && Files.isDirectory(p)) {
      p = p.getParent();
    }
    return p;
  }

  /** Every transcript under the config dirs, sorted by path (the order duplicates resolve in). */
  static List<LogFile> files(List<Path> configDirs) throws IOException {
    List<Discovery.Found> found = new ArrayList<>();
    for (Path dir : configDirs) Discovery.jsonl(dir.resolve("projects"), found);
    String[] names = new String[found.size()];
    Integer[] order = new Integer[found.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = found.get(i).path().toString();
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
    List<LogFile> out = new ArrayList<>(found.size());
    for (int i = 0; i < order.length; i++) {
      Discovery.Found f = found.get(order[i]);
      String[] sp = sessionAndProject(f.path());
      out.add(new LogFile(f.path(), Tools.CLAUDE_CODE, LogFile.Format.CLAUDE, sp[0], sp[1], i, f.identity()));
    }
    return out;
  }

  /** Session id and project from the path below {@code projects/}, as ccusage derives them. */
  static String[] sessionAndProject(Path p) {
    // the names Path iterates over (root and empty names left out), without a Path per name
    String full = p.toString();
    String sep = p.getFileSystem().getSeparator();
    List<String> parts = new ArrayList<>();
    for (int i = 0, n = full.length(); i < n; ) {
      int j = full.indexOf(sep, i);
      if (j < 0) j = n;
      if (j > i) parts.add(full.substring(i, j));
      i = j + sep.length();
    }
    int projects = parts.lastIndexOf("projects");
    List<String> rel = projects >= 0 ? parts.subList(projects + 1, parts.size()) : parts;
    int n = rel.size();
    String file = n == 0 ? "" : rel.get(n - 1);
    String stem = file.endsWith(".jsonl") ? file.substring(0, file.length() - 6) : file;
    if (n == 2 && !stem.isEmpty()) return new String[] {stem, rel.get(0)};
    if (n >= 4 && rel.get(n - 2).equals("subagents")) {
      String project = String.join("/", rel.subList(0, n - 3));
      return new String[] {rel.get(n - 3), project.isEmpty() ? "Unknown Project" : project};
    }
    String session = n >= 2 ? rel.get(n - 2) : "unknown";
    String project = n > 2 ? String.join("/", rel.subList(0, n - 2)) : "Unknown Project";
    return new String[] {session, project};
  }
}
