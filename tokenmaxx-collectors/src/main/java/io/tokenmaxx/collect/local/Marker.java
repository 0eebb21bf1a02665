package io.tokenmaxx.collect.local;

import java.nio.charset.StandardCharsets;

/**
 * A byte pattern that marks the lines worth parsing (e.g. {@code "usage":{}). Because JSON escapes
 * every quote inside a string, a pattern starting with a quote and ending with {@code :} or
 * {@code :{} can only match a real key, never text inside a string value.
 *
 * <p>The search reads each eight-byte word once and looks in it for a <em>trigger</em>: two adjacent
 * bytes of the pattern (e.g. {@code :{}) that rarely stand side by side in the logs. Only where the
 * trigger occurs is the whole pattern compared, so the cost per byte is that of the word test alone.
 * The same word test finds newlines for {@link MarkedLineReader}.
 */
final class Marker {
  private final byte[] pattern;
  /** Offset in the pattern of the trigger's second byte: a trigger flagged at {@code q} means a match may start at {@code q - back}. */
  final int back;
  final long first;
  final long second;

  /**
   * {@code trigger} is the offset of the first of the two adjacent trigger bytes: pick two bytes of
   * the pattern that rarely occur side by side in the logs.
   */
  Marker(String pattern, int trigger) {
    this.pattern = pattern.getBytes(StandardCharsets.US_ASCII);
    if (trigger < 0 || trigger + 1 >= this.pattern.length) throw new IllegalArgumentException("bad trigger");
    this.back = trigger + 1;
    this.first = Bytes.broadcast(this.pattern[trigger]);
    this.second = Bytes.broadcast(this.pattern[trigger + 1]);
  }

  int length() {
    return pattern.length;
  }

  /**
   * Flags (high bit of each byte) the bytes of word {@code w} that may end a trigger, given
   * {@code carry}, the flag of the previous word's last byte being the trigger's first byte (see
   * {@link #carry}). May flag more than the exact positions (never fewer): callers verify.
   */
  long triggers(long w, long carry) {
    long f = Bytes.zeroBytes(w ^ first);
    return ((f << 8) | carry) & Bytes.zeroBytes(w ^ second);
  }

  /** The carry of word {@code w} into the next word's {@link #triggers}. */
  long carry(long w) {
    return Bytes.zeroBytes(w ^ first) >>> 56;
  }

  /** Index of the first occurrence in {@code [from, to)}, or -1. */
  int find(byte[] buf, int from, int to) {
    int last = to - pattern.length;
    if (last < from) return -1;
    int i = from;
    long carry = 0;
    for (; i + 8 <= to; i += 8) {
      long w = Bytes.word(buf, i);
      long m = triggers(w, carry);
      carry = carry(w);
      while (m != 0) {
        int p = i + (Long.numberOfTrailingZeros(m) >>> 3) - back;
        if (p >= from && p <= last && matchesAt(buf, p)) return p;
        m &= m - 1;
      }
    }
    // the rest, byte by byte: a trigger ending at q may start a match at q - back
    for (int q = Math.max(i, from + back); q - back <= last; q++) {
      if (matchesAt(buf, q - back)) return q - back;
    }
    return -1;
  }

  boolean matchesAt(byte[] buf, int p) {
    for (int j = 0; j < pattern.length; j++) if (buf[p + j] != pattern[j]) return false;
    return true;
  }
}
