package io.tokenmaxx.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmaxx.gateway.keys.VirtualKey;
import org.junit.jupiter.api.Test;

/** A key as the server describes it: its routing when it has one, none from a server that does not say. */
class RemoteKeysTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void carriesTheKeysStrategyAndAllowedModels() throws Exception {
    VirtualKey k = RemoteKeys.key(JSON.readTree("""
        {"id":"tok_1","person":"ana@example.com","team":"web","created":"2026-11-02T10:00:00Z",
         "strategy":"cheapest","models":["claude-haiku-4-5","gpt-4o-mini"]}"""));
    assertThat(k.strategy()).isEqualTo("cheapest");
    assertThat(k.models()).containsExactlyInAnyOrder("claude-haiku-4-5", "gpt-4o-mini");
    assertThat(k.allows("gpt-4o-mini")).isTrue();
    assertThat(k.allows("gpt-4o")).isFalse();
    assertThat(k.active()).isTrue();
  }

  @Test
  void aKeyWithoutRoutingTakesTheRoutesStrategyAndAnyModel() throws Exception {
    VirtualKey k = RemoteKeys.key(JSON.readTree("""
        {"id":"tok_2","team":"edge","created":"2026-11-02T10:00:00Z","revoked":"2026-11-03T10:00:00Z"}"""));
    assertThat(k.strategy()).isNull();
    assertThat(k.models()).isEmpty();
    assertThat(k.allows("anything")).isTrue();
    assertThat(k.active()).isFalse();
  }
}
