package io.tokenmaxx.collect.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * LEB128 variable-length integers for the scan cache: 7 bits per byte, zig-zag for values that
 * may be negative. Token counts, pool indexes and timestamp deltas take one to four bytes each
 * instead of eight.
 */
final class Varint {
  private Varint() {}

  /** A growable output buffer, optionally draining to a file channel as it fills. */
  static final class Out {
    byte[] buf;
    int n;
    private final FileChannel ch;
    private long drained;

    Out(int capacity, FileChannel ch) {
      this.buf = new byte[capacity];
      this.ch = ch;
    }

    /** Bytes written so far (drained ones included). */
    long position() {
      return drained + n;
    }

    void u(long v) {
      if (n + 10 > buf.length) grow(10);
      while ((v & ~0x7FL) != 0) {
        buf[n++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[n++] = (byte) v;
    }

    void z(long v) {
      u((v << 1) ^ (v >> 63));
    }

    void b(int v) {
      if (n + 1 > buf.length) grow(1);
      buf[n++] = (byte) v;
    }

    void bytes(byte[] src, int off, int len) {
      if (n + len > buf.length) grow(len);
      System.arraycopy(src, off, buf, n, len);
      n += len;
    }

    void bytes(ByteBuffer src) {
      int len = src.remaining();
      if (n + len > buf.length) grow(len);
      src.get(buf, n, len);
      n += len;
    }

    /** With a channel: writes out what is buffered once it passes {@code threshold} bytes. */
    void drainIfOver(int threshold) throws IOException {
      if (ch != null && n >= threshold) drain();
    }

    void drain() throws IOException {
      ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
      while (bb.hasRemaining()) ch.write(bb);
      drained += n;
      n = 0;
    }

    private void grow(int need) {
      buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, n + need));
    }
  }

  /** Reads what {@link Out} wrote; malformed input raises an unchecked exception. */
  static final class In {
    final byte[] b;
    int p;
    private final int end;

    In(byte[] b, int p, int end) {
      this.b = b;
      this.p = p;
      this.end = end;
    }

    long u() {
      long v = 0;
      int shift = 0;
      while (true) {
        if (p >= end || shift > 63) throw new IllegalStateException("damaged varint");
        byte x = b[p++];
        v |= (long) (x & 0x7F) << shift;
        if (x >= 0) return v;
        shift += 7;
      }
    }

    long z() {
      long v = u();
      return (v >>> 1) ^ -(v & 1);
    }

    int i() {
      long v = z();
      if (v != (int) v) throw new IllegalStateException("damaged varint");
      return (int) v;
    }

    int count() {
      long v = u();
      // every counted item takes at least one byte
      if (v < 0 || v > end - p) throw new IllegalStateException("damaged count");
      return (int) v;
    }

    int b() {
      if (p >= end) throw new IllegalStateException("damaged cache");
      return b[p++] & 0xFF;
    }

    void bytes(byte[] dst, int off, int len) {
      if (len < 0 || p + len > end) throw new IllegalStateException("damaged cache");
      System.arraycopy(b, p, dst, off, len);
      p += len;
    }
  }
}
