package io.tokenmaxx.collect.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/** Copies the fixture logs (real Claude Code and Codex formats) into a home directory for a test. */
final class Fixtures {
  private Fixtures() {}

  /** A home with {@code .claude/projects/…} and {@code .codex/{sessions,archived_sessions}/…}. */
  static Path home(Path dir) {
    copy(resource("local-logs/claude"), dir.resolve(".claude"));
    copy(resource("local-logs/codex"), dir.resolve(".codex"));
    return dir;
  }

  static LocalLogScanner.Builder scanner(Path home) {
    return LocalLogScanner.builder().home(home).env(Map.of()).threads(2);
  }

  static Path resource(String name) {
    try {
      return Path.of(Fixtures.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static void copy(Path from, Path to) {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
