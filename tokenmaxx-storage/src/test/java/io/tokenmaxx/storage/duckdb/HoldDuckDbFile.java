package io.tokenmaxx.storage.duckdb;

import java.nio.file.Path;

/** Test helper run as a separate process: opens a DuckDB file, says "ready", holds it until stdin closes. */
public final class HoldDuckDbFile {
  private HoldDuckDbFile() {}

  public static void main(String[] args) throws Exception {
    try (DuckDbStorage storage = DuckDbStorage.builder().path(Path.of(args[0])).build()) {
      if (!storage.check().ok()) throw new IllegalStateException(storage.check().message());
      System.out.println("ready");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold the file until the parent closes our stdin
      }
    }
  }
}
