package io.tokenmaxx.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RecordChecks#checkText} refuses exactly the strings a plain character-by-character
 * check refuses (NUL, unpaired surrogates), with the same index: seeded random strings mixing
 * ASCII, NUL, the characters around the surrogate range, valid pairs and lone halves.
 */
class TextCheckPropertyTest {
  static final char[] CHARS = {'a', 'Z', '0', ' ', '\u0000', '\u0001', '\u00e9', '\u4e2d', '\ud7ff', '\ud800', '\udbff',
      '\udc00', '\udfff', '\ue000', '\uffff', '\ufffe'};

  /** The first problem's description, or null: the rule written out plainly. */
  static String reference(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) return "NUL character at index " + i;
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "unpaired surrogate at index " + i;
      }
    }
    return null;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void refusesExactlyWhatThePlainRuleRefuses(long seed) {
    Random rnd = new Random(seed);
    for (int round = 0; round < 2000; round++) {
      StringBuilder sb = new StringBuilder();
      int n = rnd.nextInt(12);
      for (int i = 0; i < n; i++) {
        if (rnd.nextInt(4) == 0) sb.appendCodePoint(0x10000 + rnd.nextInt(0x10000)); // a valid pair
        else sb.append(rnd.nextInt(3) == 0 ? CHARS[rnd.nextInt(CHARS.length)] : (char) ('a' + rnd.nextInt(26)));
      }
      String s = sb.toString();
      String problem = reference(s);
      if (problem == null) {
        assertThatCode(() -> RecordChecks.checkText("here", "model", s)).as("seed %d: %s", seed, s.chars().boxed().toList())
            .doesNotThrowAnyException();
      } else {
        assertThatThrownBy(() -> RecordChecks.checkText("here", "model", s)).as("seed %d: %s", seed, s.chars().boxed().toList())
            .isInstanceOf(IllegalArgumentException.class).hasMessage("here: model contains " + (problem.startsWith("NUL") ? "a " : "an ") + problem);
      }
    }
    assertThat(reference("ok")).isNull();
  }
}
