package io.tokenmaxx.collect.local;

import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The {@link MarkedLineReader} that reads into native memory (the kernel copies straight into it)
 * and finds newlines and markers with the C library's {@code memchr} and {@code memmem}
 * ({@link LibC}). Searches are per line for newlines and per marked line for the marker: the next
 * marker found is remembered, so the lines before it are known to be unmarked without searching
 * them again. Only marked lines are copied to the heap, for the parsers.
 */
final class NativeLineReader extends MarkedLineReader {
  /** Length of the current read's marker, which {@link #pattern} holds. */
  private int patternLength;
  /** Allocated on the first read. */
  private LibC.Memory mem;
  private LibC.Memory pattern;
  /** A view of the buffer for file reads (its position and limit change with every read). */
  private ByteBuffer view;
  /**
   * A marked line, copied out for the handler: allocated at the buffer's size on the first marked
   * line (growing it by doubling left as much garbage again for the collector to copy).
   */
  private byte[] line;

  // State of the current read: mem[0, len) holds file bytes from offset base; newlines have been
  // found up to pos; the line being read starts at lineStart. next is the start of the first marker
  // at or after lineStart (-1: none found yet); every marker that starts before searched and after
  // the lines already handed over is known (a marker never spans a newline).
  private long base;
  private int len;
  private int pos;
  private int lineStart;
  private int next;
  private int searched;

  NativeLineReader(int bufferSize) {
    super(bufferSize);
  }

  @Override
  Result read(FileChannel ch, long from, long size, Marker marker, LineHandler handler) throws IOException {
    Result r = begin(marker, from);
    if (mem == null) {
      mem = LibC.Memory.allocate(bufferSize);
      pattern = LibC.Memory.allocate(MAX_MARKER);
      view = mem.buffer().duplicate();
    }
    patternLength = marker.length();
    pattern.buffer().put(0, marker.bytes());
    base = from;
    len = pos = lineStart = searched = 0;
    next = -1;
    try {
      while (true) {
        if (len == bufferSize) makeRoom();
        int want = (int) Math.min(bufferSize - len, size - (base + len));
        int n = -1;
        if (want > 0) {
          view.limit(len + want).position(len);
          n = ch.read(view, base + len);
        }
        if (n > 0) {
          len += n;
          r.bytesRead += n;
        }
        boolean eof = n < 0 || base + len >= size;
        scan(ch, handler, r);
        r.committed = resumeAt(base + lineStart);
        if (eof) {
          // scan searched the whole tail for a marker: next, if any, lies in this last line
          if (lineStart < len || inLongLine()) line(ch, handler, r, lineStart, len, next, false);
          break;
        }
      }
    } finally {
      Reference.reachabilityFence(mem);
      Reference.reachabilityFence(pattern);
    }
    return r;
  }

  /** Hands over every line that ends in {@code [pos, len)}; afterwards {@code pos == len}. */
  private void scan(FileChannel ch, LineHandler h, Result r) throws IOException {
    while (true) {
      if (next < 0 && searched <= len - patternLength) {
        next = LibC.indexOf(mem, searched, len, pattern, patternLength);
        searched = next < 0 ? len - patternLength + 1 : next + 1;
      }
      int nl = LibC.indexOf(mem, pos, len, (byte) '\n');
      if (nl < 0) {
        pos = len;
        return;
      }
      int mark = next >= 0 && next < nl ? next : -1;
      line(ch, h, r, lineStart, nl, mark, true);
      lineStart = pos = nl + 1;
      if (mark >= 0) {
        // later markers in the same line do not matter; search on from the next line
        next = -1;
        searched = Math.max(searched, lineStart);
      }
    }
  }

  /**
   * Makes room in a full buffer: drops the lines already handed over; a line that fills the whole
   * buffer is from then on kept only as far as the marker search still needs it (its start and
   * whether it is marked are remembered; a marked one is read back whole at its end).
   */
  private void makeRoom() {
    int drop;
    if (lineStart > 0) {
      drop = lineStart;
    } else {
      streamLongLine(base, next >= 0);
      next = -1;
      drop = Math.max(0, len - (patternLength - 1)); // keep what a marker ending after len may start in
    }
    ByteBuffer b = mem.buffer();
    b.limit(len).position(drop);
    b.compact();
    base += drop;
    len -= drop;
    pos = Math.max(0, pos - drop);
    lineStart = Math.max(0, lineStart - drop);
    if (next >= 0) next -= drop;
    searched = Math.max(0, searched - drop);
  }

  private void line(FileChannel ch, LineHandler h, Result r, int start, int end, int mark, boolean terminated)
      throws IOException {
    if (endLongLine(ch, h, r, base + end, mark >= 0, terminated)) return;
    ByteBuffer b = mem.buffer();
    if (mark >= 0) {
      r.markedLines++;
      int n = end - start;
      if (line == null) line = new byte[bufferSize];
      b.get(start, line, 0, n);
      h.line(line, 0, n, mark - start, base + start, terminated);
      return;
    }
    int e = end;
    while (e > start && blank(b.get(e - 1))) e--;
    countIfTorn(r, e > start ? b.get(e - 1) & 0xFF : -1, terminated);
  }
}
