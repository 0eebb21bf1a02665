package io.tokenmaxx.server.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.server.config.ConfigException;
import io.tokenmaxx.server.config.ConfigLoader;
import io.tokenmaxx.server.config.ServerConfig;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckinSettingsTest {

  static ServerConfig load(Map<String, String> flags) {
    return new ConfigLoader().overrides(flags).load();
  }

  @Test
  void defaultsAndOverrides() {
    CheckinSettings d = load(Map.of()).checkins();
    assertThat(d.editGrace()).isEqualTo(Duration.ofDays(1));
    assertThat(d.webhook()).isFalse();
    assertThat(d.guard().cadenceMaxCv()).isEqualTo(0.15);
    CheckinSettings c = load(Map.of("checkins.edit-grace", "0", "checkins.webhook-url", "https://hooks.example.com/x",
        "checkins.webhook-secret", "a-long-enough-secret", "checkins.digest-day", "tuesday",
        "guard.cadence.max-cv", "0.1", "guard.snapshot.day", "monday", "guard.interval", "15m")).checkins();
    assertThat(c.editGrace()).isZero();
    assertThat(c.webhookUrl().getHost()).isEqualTo("hooks.example.com");
    assertThat(c.digestDay()).isEqualTo(DayOfWeek.TUESDAY);
    assertThat(c.guard().cadenceMaxCv()).isEqualTo(0.1);
    assertThat(c.guard().snapshotDay()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(c.guardInterval()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void badSettingsAreNamed() {
    assertThatThrownBy(() -> load(Map.of("checkins.webhook-url", "ftp://x")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("checkins.webhook-url");
    assertThatThrownBy(() -> load(Map.of("checkins.webhook-url", "https://hooks.example.com/x")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("checkins.webhook-secret");
    assertThatThrownBy(() -> load(Map.of("guard.cadence.max-cv", "3")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("guard.cadence.max-cv");
    assertThatThrownBy(() -> load(Map.of("guard.no-such", "3")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("guard.no-such");
    assertThatThrownBy(() -> load(Map.of("checkins.reminder-day", "someday")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("checkins.reminder-day");
  }
}
