package io.tokenmaxx.collect.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/** Finds log files below a directory (following no links, ignoring unreadable folders). */
final class Discovery {
  private Discovery() {}

  static void jsonl(Path dir, List<Path> out) throws IOException {
    files(dir, ".jsonl", out);
  }

  static void files(Path dir, String suffix, List<Path> out) throws IOException {
    if (!Files.isDirectory(dir)) return;
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path p : s) {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) files(p, suffix, out);
        else if (p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p)) out.add(p);
      }
    } catch (java.nio.file.AccessDeniedException e) {
      // a folder we may not read holds nothing we can report
    }
  }
}
