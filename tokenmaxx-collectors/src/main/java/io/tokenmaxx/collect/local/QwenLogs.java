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
 * Where Qwen Code keeps its chats: {@code projects/<project>/chats/<session>.jsonl} under
 * {@code QWEN_DATA_DIR} (comma-separated) or {@code ~/.qwen}.
 */
final class QwenLogs {
  private QwenLogs() {}

  static List<Path> dirs(List<Path> explicit, Map<String, String> env, Path home) {
    Set<Path> dirs = new LinkedHashSet<>();
    if (!explicit.isEmpty()) {
      for (Path p : explicit) {
        if (!Files.isDirectory(p)) throw new IllegalArgumentException("Qwen directory " + p + " is not a directory");
        dirs.add(p.toAbsolutePath().normalize());
      }
      return List.copyOf(dirs);
    }
    String envDirs = env.get("QWEN_DATA_DIR");
    if (envDirs != null && !envDirs.isBlank()) {
      for (String raw : envDirs.split(",")) {
        Path p = Path.of(raw.trim());
        if (!raw.isBlank() && Files.isDirectory(p)) dirs.add(p.toAbsolutePath().normalize());
      }
      return List.copyOf(dirs);
    }
    Path d = home.resolve(".qwen");
    if (Files.isDirectory(d)) dirs.add(d.toAbsolutePath().normalize());
    return List.copyOf(dirs);
  }

  static List<LogFile> files(List<Path> dirs) throws IOException {
    List<Discovery.Found> found = new ArrayList<>();
    for (Path d : dirs) {
      List<Discovery.Found> all = new ArrayList<>();
      Discovery.jsonl(d.resolve("projects"), all);
      for (Discovery.Found f : all) {
        Path rel = d.resolve("projects").relativize(f.path());
        if (rel.getNameCount() == 3 && rel.getName(1).toString().equals("chats")) found.add(f);
      }
    }
    found.sort((a, b) -> a.path().compareTo(b.path()));
    List<LogFile> out = new ArrayList<>();
    for (Discovery.Found f : found) {
      String project = f.path().getParent().getParent().getFileName().toString();
      String name = f.path().getFileName().toString();
      out.add(new LogFile(f.path(), Tools.QWEN_CODE, LogFile.Format.QWEN, name.substring(0, name.length() - 6), project,
          out.size(), f.identity()));
    }
    return out;
  }
}
