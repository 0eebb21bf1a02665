package io.tokenmaxx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.server.config.ServerConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code serve --set KEY=VALUE} reaches every setting by its YAML key, validated like the rest. */
class ServeCommandTest {

  static ServerConfig load(String... args) {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs(args);
    return serve.load();
  }

  @Test
  void setGivesAnySettingByItsKey() {
    ServerConfig c = load("--port", "0", "--set", "ingest.batch-size=500");
    assertThat(c.batchSize()).isEqualTo(500);
    assertThat(c.port()).isZero();
    assertThatThrownBy(() -> load("--set", "importers.cursor.admin-key-file=/dev/null")) // an empty key file
        .hasMessageContaining("importers.cursor.admin-key-file");
    ServerConfig k = load("--set", "importers.cursor.admin-key=key_abc", "--set", "importers.cursor.interval=30m");
    assertThat(k.importers().sources().get(0).interval()).isEqualTo(Duration.ofMinutes(30));
    assertThat(k.toString()).doesNotContain("key_abc");
    assertThatThrownBy(() -> load("--set", "importers.acme.admin-key=x")).hasMessageContaining("importers.acme.admin-key")
        .hasMessageContaining("unknown setting");
  }
}
