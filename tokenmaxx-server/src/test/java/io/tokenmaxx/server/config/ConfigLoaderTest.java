package io.tokenmaxx.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaultsFileEnvironmentAndFlagsInThatOrder() throws Exception {
    Path file = dir.resolve("tokenmaxx.yaml");
    Files.writeString(file, """
        port: 9000
        ingest:
          batch-size: 5000
          flush-interval: 50ms
        privacy:
          min-group-size: 7
        """);
    ServerConfig c = new ConfigLoader().file(file)
        .environment(Map.of("TOKENMAXX_INGEST_BATCH_SIZE", "6000", "UNRELATED", "x"))
        .overrides(Map.of("port", "9100"))
        .load();
    assertThat(c.port()).isEqualTo(9100);
    assertThat(c.batchSize()).isEqualTo(6000);
    assertThat(c.flushInterval()).isEqualTo(Duration.ofMillis(50));
    assertThat(c.minGroupSize()).isEqualTo(7);
    assertThat(c.queueCapacity()).isEqualTo(500_000);
    assertThat(c.storageUrl()).isNull();
    assertThat(c.databaseFile().getFileName().toString()).isEqualTo("tokenmaxx.duckdb");
  }

  @Test
  void badValuesNameTheSettingAndWhereItCameFrom() throws Exception {
    assertThatThrownBy(() -> new ConfigLoader().environment(Map.of("TOKENMAXX_PORT", "eighty")).load())
        .isInstanceOf(ConfigException.class)
        .hasMessage("port: must be a whole number, was 'eighty' (from environment TOKENMAXX_PORT)");
    assertThatThrownBy(() -> new ConfigLoader().overrides(Map.of("port", "70000")).load())
        .hasMessage("port: must be between 0 and 65535, was 70000 (from flag --port)");
    assertThatThrownBy(() -> new ConfigLoader().overrides(Map.of("storage.url", "mysql://x")).load())
        .hasMessageStartingWith("storage.url: must be a jdbc:postgresql: URL");
    assertThatThrownBy(() -> new ConfigLoader().environment(Map.of("TOKENMAXX_STORAGE_CHECKPOINT_THRESHOLD", "big")).load())
        .hasMessageStartingWith("storage.checkpoint-threshold: must be a size such as 256MB, was 'big'");
    assertThat(new ConfigLoader().environment(Map.of("TOKENMAXX_STORAGE_CHECKPOINT_THRESHOLD", "1GB")).load()
        .checkpointThreshold()).isEqualTo("1GB");
    assertThatThrownBy(() -> new ConfigLoader().overrides(Map.of("ingest.flush-interval", "soon")).load())
        .hasMessageContaining("ingest.flush-interval: must be a duration");
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "ingest:\n  bach-size: 3\n");
    assertThatThrownBy(() -> new ConfigLoader().file(file))
        .hasMessageStartingWith("ingest.bach-size: unknown setting (in " + file + ")");
    assertThatThrownBy(() -> new ConfigLoader().file(dir.resolve("missing.yaml")))
        .hasMessageContaining("does not exist");
  }
}
