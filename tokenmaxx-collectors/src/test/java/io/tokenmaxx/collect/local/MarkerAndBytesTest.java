package io.tokenmaxx.collect.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SWAR helpers agree with plain byte-by-byte code on random data, at every alignment (the
 * marker search itself is checked through {@code MarkedLineReaderTest}).
 */
class MarkerAndBytesTest {
  static final byte[] ALPHABET = "\"usage:{}\n tx_ypM".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void newlineSearchesAgreeWithALoop(long seed) {
    Random r = new Random(seed);
    for (int round = 0; round < 500; round++) {
      byte[] b = randomBytes(r, 1 + r.nextInt(100), new byte[0]);
      int from = r.nextInt(b.length);
      int to = from + r.nextInt(b.length - from + 1);
      int first = -1;
      for (int i = from; i < to && first < 0; i++) if (b[i] == '\n') first = i;
      assertThat(Bytes.indexOfNewline(b, from, to)).isEqualTo(first);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {21, 22})
  void exactZeroBytesFlagsOnlyZeroBytes(long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < 10_000; i++) {
      long v = r.nextLong();
      if (r.nextBoolean()) v &= ~(0xFFL << (8 * r.nextInt(8)));
      long z = Bytes.exactZeroBytes(v);
      for (int k = 0; k < 8; k++) {
        boolean zero = ((v >>> (8 * k)) & 0xFF) == 0;
        assertThat((z >>> (8 * k + 7)) & 1).isEqualTo(zero ? 1L : 0L);
      }
    }
  }

  static String patternText(Marker m) {
    if (m == FileParser.CLAUDE_MARKER) return "\"usage\":{";
    if (m == FileParser.CODEX_MARKER) return "\"type\":\"t";
    if (m == FileParser.QWEN_MARKER) return "ount\":";
    throw new IllegalArgumentException("unknown marker");
  }

  static byte[] randomBytes(Random r, int n, byte[] plant) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) b[i] = ALPHABET[r.nextInt(ALPHABET.length)];
    if (plant.length > 0 && n >= plant.length && r.nextBoolean()) {
      System.arraycopy(plant, 0, b, r.nextInt(n - plant.length + 1), plant.length);
    }
    return b;
  }

  static int naive(byte[] b, int from, int to, byte[] p) {
    outer:
    for (int i = from; i + p.length <= to; i++) {
      for (int j = 0; j < p.length; j++) if (b[i + j] != p[j]) continue outer;
      return i;
    }
    return -1;
  }
}
