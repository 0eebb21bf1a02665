package io.tokenmaxx.collect.local;

import java.nio.charset.StandardCharsets;

/**
 * A byte pattern that marks the lines worth parsing (e.g. {@code "usage":{}). The search tests one
 * rare anchor byte of the pattern eight positions at a time and verifies the whole pattern only
 * where the anchor matches. Because JSON escapes every quote inside a string, a pattern starting
 * with a quote and ending with {@code :} or {@code :{} can only match a real key, never text inside
 * a string value.
 */
final class Marker {
  private final byte[] pattern;
  private final int a;
  private final long anchor;

  /** {@code a} is the offset of the anchor byte: pick the pattern's rarest byte. */
  Marker(String pattern, int a) {
    this.pattern = pattern.getBytes(StandardCharsets.US_ASCII);
    if (a < 0 || a >= this.pattern.length) throw new IllegalArgumentException("bad anchor");
    this.a = a;
    this.anchor = Bytes.broadcast(this.pattern[a]);
  }

  int length() {
    return pattern.length;
  }

  /** Index of the first occurrence in {@code [from, to)}, or -1. */
  int find(byte[] buf, int from, int to) {
    int last = to - pattern.length;
    int i = from;
    byte first = pattern[0];
    for (; i + a + 8 <= to; i += 8) {
      if (Bytes.zeroBytes(Bytes.word(buf, i + a) ^ anchor) != 0) {
        for (int p = i, e = Math.min(i + 8, last + 1); p < e; p++) {
          if (buf[p] == first && matchesAt(buf, p)) return p;
        }
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
