package io.tokenmaxx.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.collect.vendor.ImporterConfig;
import io.tokenmaxx.collect.vendor.Vendor;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings under importers.<vendor>: environment alone is a complete set-up; errors name the setting, never the key. */
class ImporterSettingsTest {
  static final String KEY = "sk-ant-admin01-very-secret-value";

  static ServerConfig load(Map<String, String> env) {
    return new ConfigLoader().environment(env).load();
  }

  @Test
  void noImportersByDefault() {
    assertThat(load(Map.of()).importers().sources()).isEmpty();
  }

  @Test
  void keyAndBaseUrlFromTheEnvironmentAreACompleteSetUp() {
    ServerConfig c = load(Map.of("TOKENMAXX_IMPORTERS_ANTHROPIC_ADMIN_KEY", KEY,
        "TOKENMAXX_IMPORTERS_ANTHROPIC_BASE_URL", "http://127.0.0.1:18501"));
    assertThat(c.importers().sources()).hasSize(1);
    ImporterConfig a = c.importers().sources().get(0);
    assertThat(a.vendor()).isEqualTo(Vendor.ANTHROPIC);
    assertThat(a.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:18501"));
    assertThat(a.interval()).isEqualTo(Duration.ofHours(1));
    assertThat(a.backfillDays()).isEqualTo(30);
    assertThat(a.rereadDays()).isEqualTo(Vendor.ANTHROPIC.rereadDays());
    assertThat(a.adminKey().origin()).contains("TOKENMAXX_IMPORTERS_ANTHROPIC_ADMIN_KEY");
    assertThat(c.toString()).doesNotContain(KEY);
  }

  @Test
  void everySettingOfEveryVendor(@TempDir Path dir) throws Exception {
    Path keyFile = dir.resolve("cursor.key");
    Files.writeString(keyFile, "\n  key_cursor_123  \n");
    ServerConfig c = load(Map.of(
        "TOKENMAXX_IMPORTERS_OPENAI_ADMIN_KEY", "sk-admin-abc",
        "TOKENMAXX_IMPORTERS_OPENAI_INTERVAL", "15m",
        "TOKENMAXX_IMPORTERS_OPENAI_BACKFILL", "P7D",
        "TOKENMAXX_IMPORTERS_CURSOR_ADMIN_KEY_FILE", keyFile.toString(),
        "TOKENMAXX_IMPORTERS_CURSOR_BACKFILL", "90",
        "TOKENMAXX_IMPORTERS_CURSOR_REREAD", "5d",
        "TOKENMAXX_IMPORTERS_GITHUB_COPILOT_ADMIN_KEY", "ghp_x",
        "TOKENMAXX_IMPORTERS_GITHUB_COPILOT_ORGANIZATION", "acme",
        "TOKENMAXX_IMPORTERS_GITHUB_COPILOT_PAGE_SIZE", "50"));
    assertThat(c.importers().sources()).extracting(ImporterConfig::vendor)
        .containsExactly(Vendor.OPENAI, Vendor.CURSOR, Vendor.GITHUB_COPILOT);
    ImporterConfig openai = c.importers().sources().get(0);
    assertThat(openai.interval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(openai.backfillDays()).isEqualTo(7);
    assertThat(openai.baseUrl()).isEqualTo(Vendor.OPENAI.defaultBaseUrl());
    ImporterConfig cursor = c.importers().sources().get(1);
    assertThat(cursor.backfillDays()).isEqualTo(90);
    assertThat(cursor.rereadDays()).isEqualTo(5);
    assertThat(cursor.adminKey().origin()).contains(keyFile.toString());
    ImporterConfig copilot = c.importers().sources().get(2);
    assertThat(copilot.organization()).isEqualTo("acme");
    assertThat(copilot.pageSize()).isEqualTo(50);
  }

  @Test
  void yamlFileTakesTheSameSettings(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("tokenmaxx.yaml");
    Files.writeString(yaml, "importers:\n  anthropic:\n    admin-key: " + KEY + "\n    interval: 2h\n    backfill: 60d\n");
    ServerConfig c = new ConfigLoader().file(yaml).environment(Map.of()).load();
    assertThat(c.importers().sources().get(0).interval()).isEqualTo(Duration.ofHours(2));
    assertThat(c.importers().sources().get(0).backfillDays()).isEqualTo(60);
  }

  @Test
  void errorsNameTheSettingAndNeverTheKey(@TempDir Path dir) {
    String env = "TOKENMAXX_IMPORTERS_ANTHROPIC_";
    assertThatThrownBy(() -> load(Map.of(env + "BASE_URL", "http://127.0.0.1:1")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("importers.anthropic.admin-key");
    assertThatThrownBy(() -> load(Map.of(env + "ADMIN_KEY", KEY, env + "ADMIN_KEY_FILE", "/nowhere")))
        .hasMessageContaining("importers.anthropic.admin-key-file").hasMessageNotContaining(KEY);
    assertThatThrownBy(() -> load(Map.of(env + "ADMIN_KEY", KEY, env + "INTERVAL", "soon")))
        .hasMessageContaining("importers.anthropic.interval").hasMessageNotContaining(KEY);
    assertThatThrownBy(() -> load(Map.of(env + "ADMIN_KEY", KEY, env + "INTERVAL", "10s")))
        .hasMessageContaining("importers.anthropic.interval").hasMessageContaining("at least 1 minute");
    assertThatThrownBy(() -> load(Map.of(env + "ADMIN_KEY", KEY, env + "BASE_URL", "ftp://x")))
        .hasMessageContaining("importers.anthropic.base-url").hasMessageNotContaining(KEY);
    assertThatThrownBy(() -> load(Map.of(env + "ADMIN_KEY", KEY, env + "BACKFILL", "a month")))
        .hasMessageContaining("importers.anthropic.backfill");
    assertThatThrownBy(() -> load(Map.of(env + "ADMIN_KEY", "two words " + KEY)))
        .hasMessageContaining("importers.anthropic.admin-key").hasMessageNotContaining(KEY);
    assertThatThrownBy(() -> load(Map.of(env + "ADMIN_KEY_FILE", dir.resolve("missing").toString())))
        .hasMessageContaining("importers.anthropic.admin-key-file");
    assertThatThrownBy(() -> load(Map.of("TOKENMAXX_IMPORTERS_GITHUB_COPILOT_ADMIN_KEY", "ghp_x")))
        .hasMessageContaining("importers.github-copilot.organization");
  }
}
