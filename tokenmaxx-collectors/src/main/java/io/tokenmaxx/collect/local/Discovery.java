package io.tokenmaxx.collect.local;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;

/**
 * Finds log files below a directory with one {@code stat} per entry, keeping each file's
 * attributes as its identity for the scan cache. Directory links are not followed; links to files
 * are; unreadable folders are skipped.
 */
final class Discovery {
  private Discovery() {}

  /** A found file and its identity when found. */
  record Found(Path path, FileParser.Identity identity) {}

  static void jsonl(Path dir, List<Found> out) throws IOException {
    files(dir, ".jsonl", out);
  }

  static void files(Path dir, String suffix, List<Found> out) throws IOException {
    if (!Files.isDirectory(dir)) return;
    Files.walkFileTree(dir, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path p, BasicFileAttributes a) throws IOException {
            if (!p.getFileName().toString().endsWith(suffix)) return FileVisitResult.CONTINUE;
            if (a.isSymbolicLink()) {
              try {
                a = Files.readAttributes(p, BasicFileAttributes.class);
              } catch (IOException dangling) {
                return FileVisitResult.CONTINUE;
              }
            }
            if (a.isRegularFile()) out.add(new Found(p, FileParser.Identity.of(a)));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path p, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
