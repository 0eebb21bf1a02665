package io.tokenmaxx.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SettingValuesTest {
  static final class Bad extends RuntimeException {
    final String key;

    Bad(String key, String message) {
      super(key + ": " + message);
      this.key = key;
    }
  }

  static SettingValues values() {
    return new SettingValues(Map.of("a.size", "10", "a.on", "true", "a.wait", "200ms", "a.zone", "", "a.day", "monday",
        "a.share", "0.5"), Bad::new);
  }

  @Test
  void laterSourcesWinAndEachValueKeepsWhereItCameFrom() {
    SettingValues v = values();
    assertThat(v.longIn("a.size", 1, 100)).isEqualTo(10);
    assertThat(v.origin("a.size")).isEqualTo("default");
    v.environment(Map.of("TOKENMAXX_A_SIZE", " 20 ", "TOKENMAXX_OTHER", "x"));
    assertThat(v.intIn("a.size", 1, 100)).isEqualTo(20);
    assertThat(v.origin("a.size")).isEqualTo("environment TOKENMAXX_A_SIZE");
    v.flags(Map.of("a.size", "30"), k -> {
      throw new Bad(k, "unknown");
    });
    assertThat(v.intIn("a.size", 1, 100)).isEqualTo(30);
    assertThat(v.origin("a.size")).isEqualTo("flag --a-size");
    assertThatThrownBy(() -> v.flags(Map.of("a.nope", "1"), k -> {
      throw new Bad(k, "unknown");
    })).isInstanceOf(Bad.class).hasMessage("a.nope: unknown");
    assertThat(SettingValues.envName("gateway.records.batch-size")).isEqualTo("TOKENMAXX_GATEWAY_RECORDS_BATCH_SIZE");
  }

  @Test
  void typedValues() {
    SettingValues v = values();
    assertThat(v.bool("a.on")).isTrue();
    assertThat(v.duration("a.wait")).isEqualTo(Duration.ofMillis(200));
    assertThat(v.zone("a.zone")).isEqualTo(ZoneId.systemDefault());
    assertThat(v.day("a.day")).isEqualTo(DayOfWeek.MONDAY);
    assertThat(v.fraction("a.share")).isEqualTo(0.5);
    v.set("a.wait", "0s", "test");
    assertThat(v.durationOrZero("a.wait")).isZero();
    v.set("a.wait", "PT0.5S", "test");
    assertThat(v.duration("a.wait")).isEqualTo(Duration.ofMillis(500));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a.size  | 1000    | must be between 1 and 100, was 1000",
      "a.size  | ten     | must be a whole number, was 'ten'",
      "a.on    | maybe   | must be true or false, was 'maybe'",
      "a.wait  | soon    | must be a duration such as 200ms, 10s, 5m or PT0.5S, was 'soon'",
      "a.wait  | 0s      | must be positive, was 0s",
      "a.zone  | Mars/Up | must be a time zone id such as Europe/Berlin, was 'Mars/Up'",
      "a.day   | someday | must be a day of the week such as monday, was 'someday'",
      "a.share | 1.5     | must be a share above 0 and at most 1 (0.5 = 50 %), was 1.5"})
  void aBadValueNamesTheSettingWhyAndWhereItCameFrom(String key, String value, String why) {
    SettingValues v = values();
    v.set(key, value, "file t.yaml");
    Runnable read = switch (key) {
      case "a.size" -> () -> v.longIn(key, 1, 100);
      case "a.on" -> () -> v.bool(key);
      case "a.wait" -> () -> v.duration(key);
      case "a.zone" -> () -> v.zone(key);
      case "a.day" -> () -> v.day(key);
      default -> () -> v.fraction(key);
    };
    assertThatThrownBy(read::run).isInstanceOf(Bad.class).hasMessage(key + ": " + why + " (from file t.yaml)")
        .satisfies(e -> assertThat(((Bad) e).key).isEqualTo(key));
  }
}
