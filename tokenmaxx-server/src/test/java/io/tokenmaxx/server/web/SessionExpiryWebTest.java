package io.tokenmaxx.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.analyze.Role;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.server.ServerAssembly;
import io.tokenmaxx.server.TokenmaxxServer;
import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.config.ServerConfig;
import io.tokenmaxx.server.web.auth.Passwords;
import io.tokenmaxx.storage.duckdb.DuckDbStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions end after the idle time and after the absolute lifetime, on a server whose clock the test moves. */
class SessionExpiryWebTest {
  static final String PASSWORD = "a long enough password";

  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    volatile Instant now = Instant.parse("2026-03-13T09:00:00Z");

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  @TempDir Path dir;
  MovableClock clock = new MovableClock();
  TokenmaxxServer server;
  DuckDbStorage storage;
  String base;

  @BeforeEach
  void start() {
    storage = DuckDbStorage.builder().inMemory().build();
    Passwords passwords = new Passwords(1024, 1, 1);
    storage.directory().upsertPeople(List.of(Person.of("p1", "ana@example.com", "Ana")));
    storage.accounts().create("ana@example.com", "p1", Role.MEMBER, passwords.hash(PASSWORD));
    ServerConfig config = new ConfigLoader().overrides(Map.of("port", "0", "host", "127.0.0.1",
        "data", dir.toString(), "web.session-idle", "30m", "web.session-max", "2h")).load();
    server = new ServerAssembly(config, clock).storage(storage).passwords(passwords).build().start();
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anIdleSessionEnds() {
    WebClient c = new WebClient(base);
    c.signIn("ana@example.com", PASSWORD);
    clock.advance(Duration.ofMinutes(29));
    assertThat(c.get("/account").statusCode()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(29));
    assertThat(c.get("/account").statusCode()).as("active within the idle time").isEqualTo(200);
    clock.advance(Duration.ofMinutes(31));
    assertThat(c.get("/account").statusCode()).isEqualTo(303);
    assertThat(c.get("/account").headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login"));
  }

  @Test
  void anActiveSessionEndsAtItsAbsoluteLifetime() {
    WebClient c = new WebClient(base);
    c.signIn("ana@example.com", PASSWORD);
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofMinutes(20));
      assertThat(c.get("/account").statusCode()).as("after %d min", (i + 1) * 20).isEqualTo(200);
    }
    clock.advance(Duration.ofMinutes(21));
    assertThat(c.get("/account").statusCode()).isEqualTo(303);
  }

  @Test
  void badSessionSettingsAreNamed() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ConfigLoader()
            .overrides(Map.of("web.session-idle", "3h", "web.session-max", "2h")).load())
        .hasMessageContaining("web.session-idle");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ConfigLoader()
            .overrides(Map.of("web.cookie-secure", "sometimes")).load())
        .hasMessageContaining("web.cookie-secure").hasMessageContaining("auto, always or never");
  }
}
