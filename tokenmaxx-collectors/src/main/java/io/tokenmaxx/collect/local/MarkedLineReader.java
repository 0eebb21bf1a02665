package io.tokenmaxx.collect.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Streams a file once and hands over only the lines that contain a {@link Marker}; every other
 * line is skipped by the marker search alone, without being split, decoded or parsed. Memory stays
 * bounded: a buffer that grows to hold the longest marked line up to {@link #MAX_BUFFER}; longer
 * lines are streamed past and, when marked, read back on their own. Positions are {@code long}, so
 * files over 2 GiB work.
 *
 * <p>Reads end at the size the file had when reading started (an agent may be appending). The
 * last line is handed over even without a newline, flagged as unterminated, so callers can parse
 * it now and still re-read it next time in case it was cut off mid-write.
 */
final class MarkedLineReader {
  static final int INITIAL_BUFFER = 1 << 20;
  static final int MAX_BUFFER = 4 << 20;
  /** A line longer than this cannot be held in one Java array and is reported as oversized. */
  static final long MAX_LINE = Integer.MAX_VALUE - 64;

  /**
   * Receives marked lines; {@code buf[start, end)} excludes the newline, {@code mark} is where the
   * first marker in the line starts (-1 when not known).
   */
  interface LineHandler {
    void line(byte[] buf, int start, int end, int mark, long fileOffset, boolean terminated);
  }

  /** What one read saw. */
  static final class Result {
    /** File offset just after the last newline read: where an incremental read resumes. */
    long committed;
    long bytesRead;
    long markedLines;
    long oversizedLines;
    /** Unmarked lines that do not end like a JSON object: cut off while being written. */
    long tornLines;
    /** Same for an unterminated last line (it may still be being written). */
    long tornTail;
  }

  private final Marker marker;
  private byte[] buf;

  MarkedLineReader(Marker marker) {
    this.marker = marker;
    this.buf = new byte[INITIAL_BUFFER];
  }

  /** Reads {@code [from, size)} of the channel. */
  Result read(FileChannel ch, long from, long size, LineHandler handler) throws IOException {
    Result r = new Result();
    long base = from;
    int len = 0;
    boolean eof = from >= size;
    r.committed = from;
    while (!eof) {
      int want = (int) Math.min(buf.length - len, size - (base + len));
      int n = want <= 0 ? -1 : ch.read(ByteBuffer.wrap(buf, len, want), base + len);
      if (n > 0) {
        len += n;
        r.bytesRead += n;
      }
      eof = n < 0 || base + len >= size;
      int lastNl = Bytes.lastIndexOfNewline(buf, 0, len);
      int end = eof ? len : lastNl + 1;
      if (end == 0) {
        if (len < buf.length) continue;
        // no newline in a full buffer: the line is longer than the buffer
        if (buf.length < MAX_BUFFER) {
          grow(buf.length * 2);
        } else {
          long after = longLine(ch, base, size, handler, r);
          if (lastLongLineTerminated) r.committed = after;
          base = after;
          len = 0;
          eof = after >= size;
        }
        continue;
      }
      scan(0, end, base, lastNl + 1 == end, handler, r);
      if (lastNl >= 0) r.committed = base + lastNl + 1;
      System.arraycopy(buf, end, buf, 0, len - end);
      base += end;
      len -= end;
    }
    return r;
  }

  /**
   * Walks whole lines {@code [from, end)} once, eight bytes at a time, looking for newlines and
   * marker anchors together: marked lines go to the handler when their end is reached, and every
   * other line is only checked for being whole (a JSON line ends with a closing brace).
   */
  private void scan(int from, int end, long base, boolean endsWithNewline, LineHandler h, Result r) {
    byte[] buf = this.buf;
    int a = marker.a;
    int b = marker.b;
    long anchorA = marker.anchorA;
    long anchorB = marker.anchorB;
    int len = marker.length();
    int lineStart = from;
    int mark = -1;
    int i = from;
    for (; i + b + 8 <= end; i += 8) {
      long w = Bytes.word(buf, i);
      long x = w ^ Bytes.NEWLINES;
      long nl = Bytes.zeroBytes(x); // cheap test first; exact positions only when there is one
      long mm = Bytes.zeroBytes((a == 0 ? w : Bytes.word(buf, i + a)) ^ anchorA)
          & Bytes.zeroBytes(Bytes.word(buf, i + b) ^ anchorB);
      if ((nl | mm) == 0) continue;
      if (nl != 0) nl = Bytes.exactZeroBytes(x);
      for (int k = 0; k < 8; k++) {
        int p = i + k;
        long bit = 0x80L << (k << 3);
        if (mark < 0 && (mm & bit) != 0 && p + len <= end && marker.matchesAt(buf, p)) mark = p;
        if ((nl & bit) != 0) {
          line(h, r, lineStart, p, mark, base, true);
          lineStart = p + 1;
          mark = -1;
        }
      }
    }
    for (; i < end; i++) {
      if (mark < 0 && i + len <= end && marker.matchesAt(buf, i)) mark = i;
      if (buf[i] == '\n') {
        line(h, r, lineStart, i, mark, base, true);
        lineStart = i + 1;
        mark = -1;
      }
    }
    if (lineStart < end) line(h, r, lineStart, end, mark, base, endsWithNewline);
  }

  private void line(LineHandler h, Result r, int start, int end, int mark, long base, boolean terminated) {
    if (mark >= 0) {
      r.markedLines++;
      h.line(buf, start, end, mark, base + start, terminated);
      return;
    }
    int e = end;
    while (e > start && (buf[e - 1] == ' ' || buf[e - 1] == '\r' || buf[e - 1] == '\t')) e--;
    if (e > start && buf[e - 1] != '}') {
      if (terminated) r.tornLines++;
      else r.tornTail++;
    }
  }

  /**
   * The line at {@code start} is longer than {@link #MAX_BUFFER}: stream to its end looking for the
   * marker; if found, read the whole line back into its own array. Returns the offset after it.
   */
  private long longLine(FileChannel ch, long start, long size, LineHandler h, Result r) throws IOException {
    long pos = start;
    boolean marked = false;
    int keep = marker.length() - 1;
    int len = 0;
    long bufStart = start;
    while (true) {
      int want = (int) Math.min(buf.length - len, size - (bufStart + len));
      int n = want <= 0 ? -1 : ch.read(ByteBuffer.wrap(buf, len, want), bufStart + len);
      if (n <= 0) {
        pos = bufStart + len;
        break;
      }
      r.bytesRead += n;
      int scanFrom = len == 0 ? 0 : Math.max(0, len - keep);
      len += n;
      int nl = Bytes.indexOfNewline(buf, scanFrom, len);
      int limit = nl < 0 ? len : nl;
      if (!marked && marker.find(buf, scanFrom, limit) >= 0) marked = true;
      if (nl >= 0) {
        pos = bufStart + nl;
        break;
      }
      int tail = Math.min(keep, len);
      System.arraycopy(buf, len - tail, buf, 0, tail);
      bufStart += len - tail;
      len = tail;
    }
    boolean terminated = pos < size;
    lastLongLineTerminated = terminated;
    if (marked) {
      r.markedLines++;
      long lineLen = pos - start;
      if (lineLen > MAX_LINE) {
        r.oversizedLines++;
      } else {
        byte[] line = new byte[(int) lineLen];
        int got = 0;
        while (got < line.length) {
          int n = ch.read(ByteBuffer.wrap(line, got, line.length - got), start + got);
          if (n <= 0) break;
          got += n;
        }
        r.bytesRead += got;
        h.line(line, 0, got, -1, start, terminated);
      }
    }
    return terminated ? pos + 1 : pos;
  }

  private boolean lastLongLineTerminated;

  private void grow(int size) {
    byte[] b = new byte[size];
    System.arraycopy(buf, 0, b, 0, buf.length);
    buf = b;
  }
}
