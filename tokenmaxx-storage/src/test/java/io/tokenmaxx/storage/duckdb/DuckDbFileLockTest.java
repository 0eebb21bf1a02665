package io.tokenmaxx.storage.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.component.CheckResult;
import io.tokenmaxx.storage.StorageException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second process opening the same file gets an error that names the file and says what to do. */
class DuckDbFileLockTest {
  @TempDir Path dir;

  @Test
  void aFileHeldByAnotherProcessIsReportedByName() throws Exception {
    Path file = dir.resolve("held.db");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process holder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), HoldDuckDbFile.class.getName(), file.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("ready");

      try (DuckDbStorage second = DuckDbStorage.builder().path(file).build()) {
        CheckResult check = second.check();
        assertThat(check.ok()).isFalse();
        assertThat(check.message()).contains(file.toAbsolutePath().toString()).contains("locked by another process");
        assertThatThrownBy(second::usageStore)
            .isInstanceOf(StorageException.class)
            .hasMessageContaining(file.toAbsolutePath().toString())
            .hasMessageContaining("Only one process may open a DuckDB file for writing");
      }
    } finally {
      holder.getOutputStream().close();
      if (!holder.waitFor(20, TimeUnit.SECONDS)) holder.destroyForcibly().waitFor();
    }
    try (DuckDbStorage again = DuckDbStorage.builder().path(file).build()) {
      assertThat(again.check().ok()).as("free once the other process ended").isTrue();
    }
  }
}
