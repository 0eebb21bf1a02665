package io.tokenmaxx.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.gateway.config.GatewayConfig;
import io.tokenmaxx.gateway.config.Protocol;
import io.tokenmaxx.server.config.ConfigException;
import io.tokenmaxx.server.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's settings come from the server's config file (read once), the environment and flags. */
class GatewaySettingsTest {
  @TempDir Path dir;

  @Test
  void noFileNeeded_theDefaultUpstreamsComeFromTheEnvironment() {
    GatewayConfig c = GatewaySettings.load(new ConfigLoader(), Map.of(
        "TOKENMAXX_GATEWAY_ANTHROPIC_BASE_URL", "http://anthropic.internal:8080",
        "TOKENMAXX_GATEWAY_OPENAI_BASE_URL", "http://vllm.internal:8000/v1",
        "TOKENMAXX_GATEWAY_OPENAI_API_KEY", "sk-local"), Map.of());
    assertThat(c.defaultUpstream(Protocol.ANTHROPIC).baseUrl().toString()).isEqualTo("http://anthropic.internal:8080");
    assertThat(c.defaultUpstream(Protocol.OPENAI).baseUrl().toString()).isEqualTo("http://vllm.internal:8000/v1");

    GatewayConfig defaults = GatewaySettings.load(new ConfigLoader(), Map.of(), Map.of());
    assertThat(defaults.defaultUpstream(Protocol.ANTHROPIC).baseUrl().toString()).isEqualTo("https://api.anthropic.com");
    assertThat(defaults.defaultUpstream(Protocol.OPENAI).baseUrl().toString()).isEqualTo("https://api.openai.com/v1");
  }

  @Test
  void theServersFileCarriesTheGatewaySectionAndTheEnvironmentWins() throws Exception {
    Path f = dir.resolve("t.yaml");
    Files.writeString(f, """
        port: 9000
        gateway:
          zone: Europe/Berlin
          anthropic:
            base-url: "http://from-file:1"
          budgets:
            - {scope: "team:web", usd: 50, period: month}
        """);
    ConfigLoader loader = new ConfigLoader().file(f);
    assertThat(loader.load().port()).isEqualTo(9000);
    GatewayConfig c = GatewaySettings.load(loader, Map.of("TOKENMAXX_GATEWAY_ANTHROPIC_BASE_URL", "http://from-env:2"),
        Map.of());
    assertThat(c.zone().getId()).isEqualTo("Europe/Berlin");
    // without a zone of its own, budgets follow the organization's
    Path g = dir.resolve("org.yaml");
    Files.writeString(g, "analytics:\n  zone: America/New_York\n  week-start: sunday\n");
    GatewayConfig org = GatewaySettings.load(new ConfigLoader().file(g), Map.of(), Map.of());
    assertThat(org.zone().getId()).isEqualTo("America/New_York");
    assertThat(org.weekStart()).isEqualTo(java.time.DayOfWeek.SUNDAY);
    assertThat(c.budgets()).singleElement().satisfies(b -> assertThat(b.describe()).isEqualTo("50 USD per month for team:web"));
    assertThat(c.defaultUpstream(Protocol.ANTHROPIC).baseUrl().toString()).isEqualTo("http://from-env:2");
  }

  @Test
  void aBadGatewaySettingFailsTheStartNamingTheSettingAndTheFile() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, """
        gateway:
          budgets:
            - {scope: "squad:web", usd: 50, period: month}
        """);
    ConfigLoader loader = new ConfigLoader().file(f);
    assertThatThrownBy(() -> GatewaySettings.load(loader, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).setting()).startsWith("gateway.budgets[0]"))
        .hasMessageContaining("squad:web");
    assertThatThrownBy(() -> GatewaySettings.load(new ConfigLoader(), Map.of("TOKENMAXX_GATEWAY_OPENAI_BASE_URL", "ftp://x"),
        Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("gateway.openai.base-url")
        .hasMessageContaining("TOKENMAXX_GATEWAY_OPENAI_BASE_URL");
  }
}
