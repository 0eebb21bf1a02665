package io.tokenmaxx.bench.locallogs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A JSONL file being written, counting its bytes. */
final class LineFile implements AutoCloseable {
  private final OutputStream out;
  private long bytes;

  LineFile(Path path) {
    try {
      Files.createDirectories(path.getParent());
      out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes one line and its newline. */
  void line(String json) {
    raw(json);
    raw("\n");
  }

  /** Writes text without a newline (used for torn lines). */
  void raw(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    try {
      out.write(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    bytes += b.length;
  }

  long bytes() {
    return bytes;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
