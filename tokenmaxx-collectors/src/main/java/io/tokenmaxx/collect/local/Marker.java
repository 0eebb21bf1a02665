package io.tokenmaxx.collect.local;

import java.nio.charset.StandardCharsets;

/**
 * A byte pattern that marks the lines worth parsing (e.g. {@code "usage":{}). The search tests two
 * anchor bytes of the pattern at eight positions at a time and verifies the whole pattern only at
 * the positions where both match. Because JSON escapes every quote inside a string, a pattern starting with a
 * quote and ending with {@code :} or {@code :{} can only match a real key, never text inside a
 * string value.
 */
final class Marker {
  private final byte[] pattern;
  final int a;
  final int b;
  final long anchorA;
  final long anchorB;

  /**
   * {@code a} and {@code b} are the offsets of the anchor bytes: pick bytes of the pattern that
   * rarely occur together at that distance in the logs.
   */
  Marker(String pattern, int a, int b) {
    this.pattern = pattern.getBytes(StandardCharsets.US_ASCII);
    if (a < 0 || b <= a || b >= this.pattern.length) throw new IllegalArgumentException("bad anchors");
    this.a = a;
    this.b = b;
    this.anchorA = Bytes.broadcast(this.pattern[a]);
    this.anchorB = Bytes.broadcast(this.pattern[b]);
  }

  int length() {
    return pattern.length;
  }

  /** Index of the first occurrence in {@code [from, to)}, or -1. */
  int find(byte[] buf, int from, int to) {
    int last = to - pattern.length;
    int i = from;
    for (; i + b + 8 <= to; i += 8) {
      // Exactly the positions where both anchors match are flagged; only those are verified.
      long m = Bytes.exactZeroBytes(Bytes.word(buf, i + a) ^ anchorA) & Bytes.exactZeroBytes(Bytes.word(buf, i + b) ^ anchorB);
      while (m != 0) {
        int p = i + (Long.numberOfTrailingZeros(m) >>> 3);
        if (p <= last && matchesAt(buf, p)) return p;
        m &= m - 1;
      }
    }
    for (; i <= last; i++) if (matchesAt(buf, i)) return i;
    return -1;
  }

  boolean matchesAt(byte[] buf, int p) {
    for (int j = 0; j < pattern.length; j++) if (buf[p + j] != pattern[j]) return false;
    return true;
  }
}
