package io.tokenmaxx.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The direct path must accept and refuse exactly what {@link OffsetDateTime#parse} does. */
class IsoInstantTest {

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-23T10:15:30Z", "2026-11-23T10:15:30.1Z", "2026-11-23T10:15:30.123456789Z",
      "2026-11-23T10:15:30+05:30", "2026-11-23T23:59:59-18:00", "2024-02-29T00:00:00+18:00",
      "2026-11-23T10:15:30.5-00:00", "2026-11-23t10:15:30z", "2026-11-23T10:15Z", "+12026-11-23T10:15:30Z",
      "2026-11-23T10:15:30.Z", "2026-11-23T10:15:30+0530"})
  void agreesWithTheFormatterOnValidShapes(String s) {
    assertSame(s);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-30T10:15:30Z", "2026-13-01T00:00:00Z", "2026-11-23T24:00:00Z",
      "2026-11-23T10:60:00Z", "2026-11-23T10:15:60Z", "2026-11-23T10:15:30", "2026-11-23T10:15:30+19:00",
      "2026-11-23T10:15:30.1234567890Z", "2026-11-23 10:15:30Z", "2026-11-23T10:15:30ZZ", "2026-1-23T10:15:30Z",
      "２０２６-11-23T10:15:30Z", "2026-11-23T10:15:30+18:01", "", "2026-11-23T10:15:30.+01:00"})
  void refusesWhatTheFormatterRefuses(String s) {
    assertSame(s);
  }

  static Stream<Integer> seeds() {
    return IntStream.range(0, 40).boxed();
  }

  /** Random timestamps, then random single-character damage: same answer as the formatter. */
  @ParameterizedTest
  @MethodSource("seeds")
  void randomTimestampsAndDamage(int seed) {
    Random r = new Random(seed * 7919L + 17);
    for (int i = 0; i < 500; i++) {
      Instant t = Instant.ofEpochSecond(r.nextLong(0, 4_102_444_800L), r.nextBoolean() ? 0 : r.nextInt(1_000_000_000));
      int offset = (r.nextInt(37) - 18) * 3600 + (r.nextBoolean() ? 0 : 1800);
      offset = Math.max(-64800, Math.min(64800, offset));
      String s = t.atOffset(java.time.ZoneOffset.ofTotalSeconds(offset)).toString();
      assertSame(s);
      char[] c = s.toCharArray();
      c[r.nextInt(c.length)] = "0123456789:-+TZ.x "
          .charAt(r.nextInt(18));
      assertSame(new String(c));
      assertSame(s.substring(0, r.nextInt(s.length())));
    }
  }

  private static void assertSame(String s) {
    Instant expected;
    try {
      expected = OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      assertThatThrownBy(() -> IsoInstant.parse(s)).as(s).isInstanceOf(DateTimeParseException.class);
      return;
    }
    assertThat(IsoInstant.parse(s)).as(s).isEqualTo(expected);
  }
}
