package io.tokenmaxx.collect.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VendorHttpTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-04T10:00:00Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper();

  private VendorHttp http(Secret secret, int attempts) {
    return new VendorHttp(VendorHttp.defaultClient(), "test", secret,
        new VendorHttp.RetryPolicy(attempts, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(10)),
        sleeper, clock, new SplittableRandom(1));
  }

  @Test
  void retryAfterAsAnHttpDateIsHonouredAndBackoffGrowsWithoutIt() throws Exception {
    try (StandInServer server = new StandInServer(r -> true, null)) {
      server.route("GET", "/ok", r -> StandInServer.Answer.json(Map.of("fine", true)));
      server.fault("/ok", 429, DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(7).atOffset(ZoneOffset.UTC)));
      server.fault("/ok", 503, null);
      server.fault("/ok", 502, null);
      assertThat(http(Secret.of("s", "t"), 6).get(server.baseUrl().resolve("/ok"), Map.of()).path("fine").asBoolean()).isTrue();
      assertThat(sleeper.waits.get(0)).isEqualTo(Duration.ofSeconds(7));
      assertThat(sleeper.waits.get(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000)); // attempt 2: up to 2 s
      assertThat(sleeper.waits.get(2)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(4000)); // attempt 3: up to 4 s
    }
  }

  @Test
  void aWaitLongerThanAllowedFailsNowWithTheVendorsMessage() throws Exception {
    try (StandInServer server = new StandInServer(r -> true, null)) {
      server.route("GET", "/slow", r -> StandInServer.Answer.json(Map.of()));
      server.fault("/slow", 429, "3600");
      assertThatThrownBy(() -> http(Secret.of("s", "t"), 6).get(server.baseUrl().resolve("/slow"), Map.of()))
          .isInstanceOf(VendorException.class)
          .hasMessageContaining("HTTP 429").hasMessageContaining("rate_limit_error: planned 429")
          .hasMessageContaining("asked to wait 3600 s");
      assertThat(sleeper.waits).isEmpty();
    }
  }

  @Test
  void givesUpAfterTheLastAttemptAndRedactsTheKeyFromWhatTheVendorSaid() throws Exception {
    Secret secret = Secret.of("sk-secret-123", "t");
    try (StandInServer server = new StandInServer(r -> true, null)) {
      server.route("GET", "/echo", r -> StandInServer.Answer.text(500, "application/json",
          "{\"error\":{\"message\":\"bad key sk-secret-123 given\"}}"));
      assertThatThrownBy(() -> http(secret, 3).get(server.baseUrl().resolve("/echo"), Map.of("x-api-key", "sk-secret-123")))
          .hasMessageContaining("HTTP 500").hasMessageContaining("bad key [redacted] given")
          .hasMessageContaining("gave up after 3 attempts").hasMessageNotContaining("sk-secret-123");
      assertThat(sleeper.waits).hasSize(2);
      server.route("GET", "/html", r -> StandInServer.Answer.text(200, "text/html", "<html>maintenance</html>"));
      assertThatThrownBy(() -> http(secret, 3).get(server.baseUrl().resolve("/html"), Map.of()))
          .hasMessageContaining("not JSON").hasMessageContaining("maintenance");
    }
  }
}
