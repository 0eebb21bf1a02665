package io.tokenmaxx.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardConfigTest {

  @Test
  void everyKeyRoundTripsThroughTheMap() {
    GuardConfig d = GuardConfig.defaults();
    assertThat(d.with(d.asMap())).isEqualTo(d);
    assertThat(d.asMap()).containsEntry("cadence.max-cv", "0.15").containsEntry("snapshot.day", "saturday");
  }

  @Test
  void changesAreParsedAndValidated() {
    GuardConfig c = GuardConfig.defaults().with(Map.of("zone", "Europe/Berlin", "snapshot.day", "monday",
        "cadence.max-cv", "0.1", "min-records", "50"));
    assertThat(c.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(c.snapshotDay()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(c.cadenceMaxCv()).isEqualTo(0.1);
    assertThat(c.minRecords()).isEqualTo(50);
  }

  @Test
  void badSettingsNameTheKey() {
    assertThatThrownBy(() -> GuardConfig.defaults().with(Map.of("cadence.max-cvv", "1")))
        .hasMessageContaining("unknown guard setting 'cadence.max-cvv'").hasMessageContaining("cadence.max-cv");
    assertThatThrownBy(() -> GuardConfig.defaults().with(Map.of("min-records", "many")))
        .hasMessageContaining("min-records").hasMessageContaining("whole number");
    assertThatThrownBy(() -> GuardConfig.defaults().with(Map.of("cadence.max-cv", "2")))
        .hasMessageContaining("cadence.max-cv must be within (0, 1)");
    assertThatThrownBy(() -> GuardConfig.defaults().with(Map.of("zone", "Mars/Olympus")))
        .hasMessageContaining("zone").hasMessageContaining("time zone");
  }

  @Test
  void nightWindowMayWrapMidnight() {
    GuardConfig c = GuardConfig.defaults();
    assertThat(c.isNight(23)).isTrue();
    assertThat(c.isNight(3)).isTrue();
    assertThat(c.isNight(6)).isFalse();
    assertThat(c.isNight(12)).isFalse();
    GuardConfig day = c.with(Map.of("night.start-hour", "1", "night.end-hour", "5"));
    assertThat(day.isNight(0)).isFalse();
    assertThat(day.isNight(4)).isTrue();
  }
}
