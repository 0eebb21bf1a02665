package io.tokenmaxx.collect.local;

import io.tokenmaxx.model.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where Codex CLI keeps its rollouts: {@code sessions/YYYY/MM/DD/rollout-*.jsonl} and
 * {@code archived_sessions/} under each Codex home ({@code CODEX_HOME}, comma-separated, else
 * {@code ~/.codex}). A home without either folder is read as a folder of rollouts itself. When
 * {@code sessions/} and {@code archived_sessions/} hold the same relative path, the active copy
 * wins. A session's id is its path below the folder, without {@code .jsonl}.
 */
final class CodexLogs {
  private CodexLogs() {}

  static List<Path> homes(List<Path> explicit, Map<String, String> env, Path home) {
    Set<Path> homes = new LinkedHashSet<>();
    if (!explicit.isEmpty()) {
      for (Path p : explicit) {
        Path d = p.toAbsolutePath().normalize();
        if (!Files.isDirectory(d)) throw new IllegalArgumentException("Codex home " + p + " is not a directory");
        homes.add(d);
      }
      return List.copyOf(homes);
    }
    String envHomes = env.get("CODEX_HOME");
    if (envHomes != null && !envHomes.isBlank()) {
      for (String raw : envHomes.split(",")) {
        if (!raw.trim().isEmpty()) homes.add(Path.of(raw.trim()).toAbsolutePath().normalize());
      }
      return List.copyOf(homes);
    }
    return List.of(home.resolve(".codex").toAbsolutePath().normalize());
  }

  static List<LogFile> files(List<Path> homes) throws IOException {
    List<LogFile> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<Path> seenDirs = new HashSet<>();
    int order = 0;
    for (Path home : homes) {
      List<Path> dirs = new ArrayList<>();
      for (String sub : new String[] {"sessions", "archived_sessions"}) {
        if (Files.isDirectory(home.resolve(sub))) dirs.add(home.resolve(sub));
      }
      if (dirs.isEmpty() && Files.isDirectory(home)) dirs.add(home);
      for (Path dir : dirs) {
        if (!seenDirs.add(dir)) continue;
        List<Discovery.Found> found = new ArrayList<>();
        Discovery.jsonl(dir, found);
        found.sort((a, b) -> a.path().compareTo(b.path()));
        for (Discovery.Found f : found) {
          String rel = dir.relativize(f.path()).toString().replace('\\', '/');
          if (!seen.add(home + "\u0000" + rel)) continue;
          String session = rel.endsWith(".jsonl") ? rel.substring(0, rel.length() - 6) : rel;
          out.add(new LogFile(f.path(), Tools.CODEX, LogFile.Format.CODEX, session.isEmpty() ? "unknown" : session, null,
              order++, f.identity()));
        }
      }
    }
    return out;
  }
}
