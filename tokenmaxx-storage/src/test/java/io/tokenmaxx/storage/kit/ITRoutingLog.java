package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.metering.RoutingDecision;
import io.tokenmaxx.metering.RoutingLog;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routing decisions: stored once per request id with their attempts in order, read newest first, narrowed and limited. */
public abstract class ITRoutingLog extends StorageTest {
  static final Instant T = Instant.parse("2026-03-29T00:30:00.123456Z");

  RoutingLog log() {
    return storage.routingLog();
  }

  static RoutingDecision fallback(String id, Instant at, String person, String team) {
    return new RoutingDecision(id, at, "k1", person, team, "openai:/v1/chat/completions", "tiered", "gpt-4o-mini",
        "openai", 200, "fallback", null, new BigDecimal("0.000123"), List.of(
            new RoutingDecision.Try("local", "llama", null, "failed", "connection refused", 3, null),
            new RoutingDecision.Try("openai", "gpt-4o-mini", 200, "served", null, 41, new BigDecimal("0.000123"))));
  }

  @Test
  void storesEachRequestOnceWithItsAttemptsAndReadsNewestFirst() {
    RoutingDecision a = fallback("r1", T, "ana@example.com", "web");
    RoutingDecision b = new RoutingDecision("r2", T.plusSeconds(60), null, null, "web", "anthropic:/v1/messages",
        "claude-sonnet-4-5", null, null, 502, "direct", null, null,
        List.of(new RoutingDecision.Try("anthropic", "claude-sonnet-4-5", 502, "failed", "status 502: bad gateway", 7, null)));
    RoutingDecision c = fallback("r3", T.plusSeconds(120), "bo@example.com", "data");
    RoutingDecision late = fallback("r4", T.plusSeconds(3600), "ana@example.com", "web");
    log().accept(List.of(a, b, c, late));
    log().accept(List.of(a, b)); // offered again: no change

    List<RoutingDecision> all = log().recent(T, T.plusSeconds(3600), null, null, 100);
    assertThat(all).extracting(RoutingDecision::id).containsExactly("r3", "r2", "r1");
    assertThat(all.get(2)).isEqualTo(a);
    assertThat(all.get(1).attempts()).singleElement().satisfies(t -> {
      assertThat(t.status()).isEqualTo(502);
      assertThat(t.cost()).isNull();
    });
    assertThat(all.get(1).cost()).isNull();
    assertThat(log().recent(T, T.plusSeconds(3600), null, null, 2)).extracting(RoutingDecision::id).containsExactly("r3", "r2");
    assertThat(log().recent(T, T.plusSeconds(7200), "ana@example.com", null, 100)).extracting(RoutingDecision::id)
        .containsExactly("r4", "r1");
    assertThat(log().recent(T, T.plusSeconds(3600), null, "web", 100)).extracting(RoutingDecision::id)
        .containsExactly("r2", "r1");
    assertThat(log().recent(T.minusSeconds(10), T, null, null, 100)).isEmpty();
    log().accept(List.of());
  }

  @Test
  void refusesTextNoStoreCanHoldNamingTheField() {
    RoutingDecision bad = new RoutingDecision("r9", T, null, null, null, "openai:/v1/chat/completions", "m", null, null,
        500, "fallback", null, null, List.of(new RoutingDecision.Try("u", "m", null, "failed", "nul \u0000 here", 1, null)));
    assertThatThrownBy(() -> log().accept(List.of(bad))).hasMessageContaining("attempts.reason");
    assertThat(log().recent(T, T.plusSeconds(1), null, null, 10)).isEmpty();
  }
}
