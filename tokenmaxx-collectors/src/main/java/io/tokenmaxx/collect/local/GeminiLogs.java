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
 * Where Gemini CLI keeps its chats: {@code GEMINI_DATA_DIR} (comma-separated) or
 * {@code ~/.gemini/tmp}; {@code *.json} and {@code *.jsonl} files at any depth, grouped by project
 * ({@code tmp/<project hash>/…}); a file is one session.
 */
final class GeminiLogs {
  private GeminiLogs() {}

  static List<Path> dirs(List<Path> explicit, Map<String, String> env, Path home) {
    Set<Path> dirs = new LinkedHashSet<>();
    if (!explicit.isEmpty()) {
      for (Path p : explicit) {
        if (!Files.isDirectory(p)) throw new IllegalArgumentException("Gemini directory " + p + " is not a directory");
        dirs.add(p.toAbsolutePath().normalize());
      }
      return List.copyOf(dirs);
    }
    String envDirs = env.get("GEMINI_DATA_DIR");
    if (envDirs != null && !envDirs.isBlank()) {
      for (String raw : envDirs.split(",")) {
        Path p = Path.of(raw.trim());
        if (!raw.isBlank() && Files.isDirectory(p)) dirs.add(p.toAbsolutePath().normalize());
      }
      return List.copyOf(dirs);
    }
    Path d = home.resolve(".gemini").resolve("tmp");
    if (Files.isDirectory(d)) dirs.add(d.toAbsolutePath().normalize());
    return List.copyOf(dirs);
  }

  static List<LogFile> files(List<Path> dirs) throws IOException {
    List<Discovery.Found> found = new ArrayList<>();
    for (Path d : dirs) {
      Discovery.files(d, ".json", found);
      Discovery.files(d, ".jsonl", found);
    }
    found.sort((a, b) -> a.path().compareTo(b.path()));
    List<LogFile> out = new ArrayList<>();
    for (Discovery.Found f : found) {
      Path root = dirs.stream().filter(d -> f.path().startsWith(d)).findFirst().orElse(f.path().getParent());
      Path rel = root.relativize(f.path());
      String project = rel.getNameCount() > 1 ? rel.getName(0).toString() : null;
      String name = f.path().getFileName().toString();
      String session = name.substring(0, name.lastIndexOf('.'));
      out.add(new LogFile(f.path(), Tools.GEMINI_CLI, LogFile.Format.GEMINI, session, project, out.size(), f.identity()));
    }
    return out;
  }
}
