package io.tokenmaxx.collect.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The C library's searches agree with a plain Java search and never run past their buffer. */
class LibCTest {
  @BeforeAll
  static void load() {
    assumeTrue(Runtime.version().feature() >= 22, "the foreign-function API needs JDK 22");
    // the tests run with --enable-native-access=ALL-UNNAMED, as the launcher does
    assertThat(LibC.load()).as("C library functions: %s", LibC.unavailableReason()).isTrue();
    assertThat(LibC.unavailableReason()).isNull();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void searchesAgreeWithJavaOnRandomBytes(long seed) {
    Random r = new Random(seed);
    String[] pieces = {"\"usage\":{", "\"usage\"", ":{", "\n", "x", "\"", "é", "\u0000"};
    LibC.Memory m = LibC.Memory.allocate(4096);
    byte[] pattern = "\"usage\":{".getBytes(StandardCharsets.US_ASCII);
    LibC.Memory needle = LibC.Memory.allocate(pattern.length);
    needle.buffer().put(0, pattern);
    for (int round = 0; round < 200; round++) {
      StringBuilder text = new StringBuilder();
      while (text.length() < 1000 + r.nextInt(2000)) text.append(pieces[r.nextInt(pieces.length)]);
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      int n = Math.min(bytes.length, 4096);
      m.buffer().put(0, bytes, 0, n);
      int from = r.nextInt(n + 1);
      int to = from + r.nextInt(n - from + 1);
      assertThat(LibC.indexOf(m, from, to, (byte) '\n')).isEqualTo(indexOf(bytes, from, to, (byte) '\n'));
      assertThat(LibC.indexOf(m, from, to, needle, pattern.length))
          .as("seed %d round %d [%d, %d)", seed, round, from, to)
          .isEqualTo(MarkerAndBytesTest.naive(bytes, from, to, pattern));
    }
  }

  @Test
  void rangesOutsideTheBufferAreRefused() {
    LibC.Memory m = LibC.Memory.allocate(16);
    assertThatThrownBy(() -> LibC.indexOf(m, 0, 17, (byte) '\n')).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("[0, 17) of 16 bytes");
    assertThatThrownBy(() -> LibC.indexOf(m, -1, 4, (byte) '\n')).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> LibC.indexOf(m, 8, 4, (byte) '\n')).isInstanceOf(IndexOutOfBoundsException.class);
    LibC.Memory needle = LibC.Memory.allocate(4);
    assertThatThrownBy(() -> LibC.indexOf(m, 0, 16, needle, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(LibC.indexOf(m, 4, 4, (byte) 0)).isEqualTo(-1); // an empty range finds nothing
    assertThat(LibC.indexOf(m, 0, 3, needle, 4)).isEqualTo(-1); // shorter than the needle
  }

  private static int indexOf(byte[] b, int from, int to, byte c) {
    for (int i = from; i < to; i++) if (b[i] == c) return i;
    return -1;
  }
}
