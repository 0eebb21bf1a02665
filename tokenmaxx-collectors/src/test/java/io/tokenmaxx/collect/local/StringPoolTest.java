package io.tokenmaxx.collect.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cross-file deduplication relies on equal strings of different pools hashing alike. */
class StringPoolTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void equalStringsHashAlikeWhereverTheyAreStored(long seed) {
    Random r = new Random(seed);
    StringPool a = new StringPool();
    StringPool b = new StringPool();
    Set<Long> hashes = new HashSet<>();
    int distinct = 0;
    for (int n = 0; n < 2000; n++) {
      StringBuilder s = new StringBuilder();
      int len = r.nextInt(48);
      for (int k = 0; k < len; k++) s.append((char) ('0' + r.nextInt(75)));
      if (r.nextBoolean()) b.intern("pad" + "x".repeat(r.nextInt(9))); // shift where b stores the next string
      int i = a.intern(s.toString());
      int j = b.intern(s.toString());
      assertThat(a.equals(i, b, j)).isTrue();
      assertThat(a.hash64(i)).as("'%s'", s).isEqualTo(b.hash64(j));
      if (hashes.add(a.hash64(i))) distinct++;
    }
    // distinct strings get distinct hashes (2,000 random strings: a collision would be a broken hash)
    assertThat(distinct).isEqualTo(a.size());
  }
}
