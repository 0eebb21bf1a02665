package io.tokenmaxx.collect.local;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte searches over {@code byte[]} that look at eight bytes per step (SWAR): the newline search
 * and the marker search every log line passes through. Plain Java, fast from the first call.
 */
final class Bytes {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  static final long LO = 0x0101010101010101L;
  static final long HI = 0x8080808080808080L;
  static final long NEWLINES = broadcast('\n');

  private Bytes() {}

  static long broadcast(int b) {
    return (b & 0xFFL) * LO;
  }

  /** Non-zero where a byte of {@code v} is zero (the lowest such byte is always flagged). */
  static long zeroBytes(long v) {
    return (v - LO) & ~v & HI;
  }

  /** Exactly the zero bytes of {@code v} flagged (their high bit), no false positives. */
  static long exactZeroBytes(long v) {
    return ~(((v & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | v | 0x7F7F7F7F7F7F7F7FL);
  }

  static long word(byte[] b, int i) {
    return (long) LONGS.get(b, i);
  }

  /** Index of the first {@code '\n'} in {@code [from, to)}, or -1. */
  static int indexOfNewline(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long z = zeroBytes(word(b, i) ^ NEWLINES);
      if (z != 0) return i + (Long.numberOfTrailingZeros(z) >>> 3);
    }
    for (; i < to; i++) if (b[i] == '\n') return i;
    return -1;
  }
}
