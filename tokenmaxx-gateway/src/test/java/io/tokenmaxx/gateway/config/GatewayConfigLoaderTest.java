package io.tokenmaxx.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.gateway.budget.Budget;
import io.tokenmaxx.gateway.route.Escalation;
import io.tokenmaxx.gateway.route.Strategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatewayConfigLoaderTest {
  @TempDir
  Path dir;

  GatewayConfig load(String yaml, Map<String, String> env) throws Exception {
    Path f = dir.resolve("tokenmaxx.yaml");
    Files.writeString(f, yaml);
    return new GatewayConfigLoader().file(f).environment(env).load();
  }

  @Test
  void theSimplestSetUpNeedsNoFile() {
    GatewayConfig c = new GatewayConfigLoader().environment(Map.of(
        "TOKENMAXX_GATEWAY_ANTHROPIC_API_KEY", "sk-ant-x", "TOKENMAXX_GATEWAY_OPENAI_BASE_URL", "http://vllm:8000/v1")).load();
    assertThat(c.defaultUpstream(Protocol.ANTHROPIC).baseUrl().toString()).isEqualTo("https://api.anthropic.com");
    assertThat(c.defaultUpstream(Protocol.ANTHROPIC).apiKey().reveal()).isEqualTo("sk-ant-x");
    assertThat(c.defaultUpstream(Protocol.ANTHROPIC).apiKey().toString()).isEqualTo("****");
    assertThat(c.defaultUpstream(Protocol.OPENAI).url("/chat/completions")).isEqualTo("http://vllm:8000/v1/chat/completions");
    assertThat(c.defaultUpstream(Protocol.OPENAI).apiKey()).isNull();
    assertThat(c.passThrough()).isTrue();
    assertThat(c.toString()).doesNotContain("sk-ant-x");
  }

  @Test
  void aFullFileIsRead() throws Exception {
    GatewayConfig c = load("""
        server-setting-of-someone-else: 1
        gateway:
          zone: Europe/Berlin
          pass-through: false
          read-timeout: 90s
          records: {capacity: 500, spill-dir: /tmp/spill}
          upstreams:
            - {name: together, protocol: openai, base-url: "https://api.together.xyz/v1", api-key-env: TOGETHER_KEY}
          routes:
            - model: auto
              strategy: cascade
              escalate-on: [length, invalid-json]
              targets:
                - {upstream: together, model: meta-llama/Llama-3.3-70B-Instruct-Turbo, price: {input: 0.88, output: 0.88}}
                - {upstream: anthropic, model: claude-sonnet-4-5}
          budgets:
            - {scope: "team:platform", usd: 500, period: month}
            - {scope: "person:p1", tokens: 2000000, period: week}
          rate-limits:
            - {scope: "key:key_1", requests-per-minute: 60, tokens-per-minute: 100000}
        """, Map.of("TOGETHER_KEY", "tg-secret"));
    assertThat(c.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(c.passThrough()).isFalse();
    assertThat(c.readTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(c.records().capacity()).isEqualTo(500);
    assertThat(c.upstreams().get("together").apiKey().reveal()).isEqualTo("tg-secret");
    assertThat(c.routes().get(0).strategy()).isEqualTo(Strategy.CASCADE);
    assertThat(c.routes().get(0).escalateOn()).containsExactlyInAnyOrder(Escalation.LENGTH, Escalation.INVALID_JSON);
    assertThat(c.budgets()).extracting(Budget::id).containsExactly("team:platform/usd/month", "person:p1/tokens/week");
    assertThat(c.rateLimits().get(0).tokensPerMinute()).isEqualTo(100_000);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "gateway: {anthropic: {base-url: 'https://api.anthropic.com/v1'}}|gateway.anthropic.base-url|without /v1",
      "gateway: {openai: {base-url: 'http://localhost:8000'}}|gateway.openai.base-url|with /v1",
      "gateway: {openai: {base-url: 'ftp://x/v1'}}|gateway.openai.base-url|http(s) URL",
      "gateway: {zone: Mars/Olympus}|gateway.zone|time zone",
      "gateway: {read-timeout: soon}|gateway.read-timeout|duration",
      "gateway: {max-body-bytes: 12}|gateway.max-body-bytes|between",
      "gateway: {pass-through: maybe}|gateway.pass-through|true or false",
      "gateway: {colour: blue}|gateway.colour|unknown setting",
      "gateway: {routes: [{model: m, targets: [{upstream: nope}]}]}|gateway.routes[0].targets[0].upstream|no upstream named 'nope'",
      "gateway: {routes: [{model: m, strategy: fastest, targets: [{upstream: openai}]}]}|gateway.routes[0].strategy|unknown strategy",
      "gateway: {routes: [{model: m, strategy: cascade, targets: [{upstream: openai}]}]}|gateway.routes[0].targets|cheap and a stronger",
      "gateway: {routes: [{model: m, strategy: cascade, targets: [{upstream: openai, model: a}, {upstream: anthropic, model: b}]}]}|gateway.routes[0].targets[0].context-window|context window",
      "gateway: {routes: [{model: m, escalate-on: [length], targets: [{upstream: openai}]}]}|gateway.routes[0].escalate-on|only a cascade",
      "gateway: {routes: [{model: m, targets: [{upstream: openai, price: {input: -1, output: 1}}]}]}|gateway.routes[0].targets[0].price.input|negative",
      "gateway: {budgets: [{scope: 'group:x', usd: 5, period: day}]}|gateway.budgets[0].scope|key:, person: or team:",
      "gateway: {budgets: [{scope: 'team:x', usd: 5, tokens: 5, period: day}]}|gateway.budgets[0]|either usd or tokens",
      "gateway: {budgets: [{scope: 'team:x', usd: 5, period: year}]}|gateway.budgets[0].period|day, week or month",
      "gateway: {rate-limits: [{scope: 'key:k'}]}|gateway.rate-limits[0]|requests-per-minute",
      "gateway: {upstreams: [{name: x, protocol: grpc, base-url: 'http://h/v1'}]}|gateway.upstreams[0].protocol|anthropic or openai",
      "gateway: {upstreams: [{name: x, protocol: openai, base-url: 'http://h/v1', api-key-env: NOT_SET_ANYWHERE}]}|gateway.upstreams[0].api-key-env|not set",
  })
  void badSettingsNameTheSetting(String yaml, String setting, String why) {
    assertThatThrownBy(() -> load(yaml, Map.of())).isInstanceOfSatisfying(GatewayConfigException.class, e -> {
      assertThat(e.setting()).isEqualTo(setting);
      assertThat(e.getMessage()).contains(why);
    });
  }

  @Test
  void environmentBeatsTheFileAndFlagsBeatBoth() throws Exception {
    Path f = dir.resolve("t.yaml");
    Files.writeString(f, "gateway: {read-timeout: 10s, connect-timeout: 3s}\n");
    GatewayConfig c = new GatewayConfigLoader().file(f).environment(Map.of("TOKENMAXX_GATEWAY_READ_TIMEOUT", "20s",
        "TOKENMAXX_GATEWAY_CONNECT_TIMEOUT", "4s")).overrides(Map.of("gateway.read-timeout", "30s")).load();
    assertThat(c.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(4));
    assertThatThrownBy(() -> new GatewayConfigLoader().environment(Map.of("TOKENMAXX_GATEWAY_READ_TIMEOUT", "-1s")).load())
        .hasMessageContaining("gateway.read-timeout").hasMessageContaining("environment TOKENMAXX_GATEWAY_READ_TIMEOUT");
  }
}
