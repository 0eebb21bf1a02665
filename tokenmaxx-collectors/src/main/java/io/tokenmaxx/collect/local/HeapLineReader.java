package io.tokenmaxx.collect.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The plain-Java {@link MarkedLineReader}: reads into a heap array and scans each byte once, as it
 * arrives, reading eight bytes per step (SWAR) and testing them for newlines and for the marker's
 * trigger together. A line longer than the buffer is scanned as it streams past.
 */
final class HeapLineReader extends MarkedLineReader {
  /** Allocated on the first read. */
  private byte[] buf;

  /** The marker of the current read. */
  private Marker marker;

  // Scan state of the current read: buf[0, len) holds file bytes from offset base; [0, pos) has been
  // scanned; the line being scanned starts at lineStart, its first marker (if found) at mark; carry
  // is the trigger flag of the byte before pos.
  private long base;
  private int len;
  private int pos;
  private int lineStart;
  private int mark;
  private long carry;

  HeapLineReader(int bufferSize) {
    super(bufferSize);
  }

  /**
   * Reads {@code [from, size)} of the channel. Every byte is scanned once, as it arrives: a line
   * that spans several reads is not searched again when the next bytes come in.
   */
  @Override
  Result read(FileChannel ch, long from, long size, Marker marker, LineHandler handler) throws IOException {
    Result r = begin(marker, from);
    this.marker = marker;
    if (buf == null) buf = new byte[bufferSize];
    base = from;
    len = pos = lineStart = 0;
    mark = -1;
    carry = 0;
    // a trigger is only looked at once the whole pattern after it has been read
    int margin = marker.length();
    while (true) {
      if (len == buf.length) makeRoom();
      int want = (int) Math.min(buf.length - len, size - (base + len));
      int n = want <= 0 ? -1 : ch.read(ByteBuffer.wrap(buf, len, want), base + len);
      if (n > 0) {
        len += n;
        r.bytesRead += n;
      }
      boolean eof = n < 0 || base + len >= size;
      int limit = eof ? len : pos + (Math.max(0, len - margin - pos) & ~7);
      scan(ch, limit, eof, handler, r);
      r.committed = resumeAt(base + lineStart);
      if (eof) {
        if (lineStart < len || inLongLine()) line(ch, handler, r, lineStart, len, mark, false);
        break;
      }
    }
    return r;
  }

  /**
   * Makes room in a full buffer: drops the lines already handed over; a line that fills the whole
   * buffer is from then on kept only as far as the scan still needs it (its start and whether it
   * is marked are remembered; a marked one is read back whole at its end).
   */
  private void makeRoom() {
    int drop;
    if (lineStart > 0) {
      drop = lineStart;
    } else {
      streamLongLine(base, mark >= 0);
      mark = -1;
      drop = Math.max(0, pos - marker.length()); // keep what a pattern ending after pos may start in
    }
    System.arraycopy(buf, drop, buf, 0, len - drop);
    base += drop;
    len -= drop;
    pos -= drop;
    if (mark >= 0) mark -= drop;
    lineStart = Math.max(0, lineStart - drop);
  }

  /**
   * Scans {@code [pos, limit)}, reading each eight-byte word once and testing it for newlines and
   * for the marker's trigger together: marked lines go to the handler when their end is reached,
   * and every other line is only checked for being whole (a JSON line ends with a closing brace).
   * Unless {@code last}, {@code limit - pos} is a multiple of eight and leaves room for a whole
   * pattern after every trigger it scans.
   */
  private void scan(FileChannel ch, int limit, boolean last, LineHandler h, Result r) throws IOException {
    byte[] buf = this.buf;
    Marker marker = this.marker;
    int back = marker.back;
    int patternLength = marker.length();
    int lineStart = this.lineStart;
    int mark = this.mark;
    long first = marker.first;
    long second = marker.second;
    long carry = this.carry;
    int i = pos;
    for (; i + 8 <= limit; i += 8) {
      // the word tests (Bytes.zeroBytes) spelled out: the quick JIT does not share subexpressions
      // between inlined calls. A trigger is the first byte at k and the second at k + 1 (carried
      // over from the previous word's last byte); false positives are caught by matchesAt.
      long w = Bytes.word(buf, i);
      long x = w ^ Bytes.NEWLINES;
      long nl = (x - Bytes.LO) & ~x & Bytes.HI; // cheap tests first; exact positions only when there is a hit
      long y = w ^ first;
      long f = (y - Bytes.LO) & ~y & Bytes.HI;
      long z = w ^ second;
      long tr = ((f << 8) | carry) & (z - Bytes.LO) & ~z;
      carry = f >>> 56;
      if ((nl | tr) == 0) continue;
      if (nl != 0) nl = Bytes.exactZeroBytes(x);
      long ev = nl | tr;
      while (ev != 0) {
        int k = Long.numberOfTrailingZeros(ev) >>> 3;
        long bit = 0x80L << (k << 3);
        int q = i + k;
        if ((nl & bit) != 0) {
          line(ch, h, r, lineStart, q, mark, true);
          lineStart = q + 1;
          mark = -1;
        } else if (mark < 0) {
          int p = q - back;
          if (p >= lineStart && p + patternLength <= len && marker.matchesAt(buf, p)) mark = p;
        }
        ev &= ~bit;
      }
    }
    if (last) {
      for (; i < limit; i++) {
        int p = i - back;
        if (mark < 0 && p >= lineStart && p + patternLength <= limit && marker.matchesAt(buf, p)) mark = p;
        if (buf[i] == '\n') {
          line(ch, h, r, lineStart, i, mark, true);
          lineStart = i + 1;
          mark = -1;
        }
      }
    }
    this.pos = i;
    this.lineStart = lineStart;
    this.mark = mark;
    this.carry = carry;
  }

  private void line(FileChannel ch, LineHandler h, Result r, int start, int end, int mark, boolean terminated)
      throws IOException {
    if (endLongLine(ch, h, r, base + end, mark >= 0, terminated)) return;
    if (mark >= 0) {
      r.markedLines++;
      h.line(buf, start, end, mark, base + start, terminated);
      return;
    }
    int e = end;
    while (e > start && blank(buf[e - 1])) e--;
    countIfTorn(r, e > start ? buf[e - 1] & 0xFF : -1, terminated);
  }
}
