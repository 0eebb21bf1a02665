package io.tokenmaxx.collect.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Streams a file once and hands over only the lines that contain a {@link Marker}; every other
 * line is skipped by the marker search alone, without being split, decoded or parsed. Memory stays
 * bounded: one buffer of {@link #BUFFER} bytes; a longer line is scanned as it streams past and,
 * when marked, read back on its own at its end. Positions are {@code long}, so files over 2 GiB
 * work.
 *
 * <p>Reads end at the size the file had when reading started (an agent may be appending). The
 * last line is handed over even without a newline, flagged as unterminated, so callers can parse
 * it now and still re-read it next time in case it was cut off mid-write.
 *
 * <p>Two implementations hand over the same lines: {@link NativeLineReader} reads into native
 * memory and searches it with the C library's {@code memchr}/{@code memmem} where the running JDK
 * can call them ({@link LibC}); {@link HeapLineReader} is plain Java and works everywhere.
 */
abstract sealed class MarkedLineReader permits HeapLineReader, NativeLineReader {
  static final int BUFFER = 4 << 20;
  /** A line longer than this cannot be held in one Java array and is reported as oversized. */
  static final long MAX_LINE = Integer.MAX_VALUE - 64;

  /**
   * Receives marked lines; {@code buf[start, end)} excludes the newline, {@code mark} is where the
   * first marker in the line starts (-1 when not known). The array is only valid during the call.
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

  /** Longest marker a reader accepts. */
  static final int MAX_MARKER = 64;
  final int bufferSize;

  MarkedLineReader(int bufferSize) {
    if (bufferSize < 2 * MAX_MARKER) throw new IllegalArgumentException("bad buffer size " + bufferSize);
    this.bufferSize = bufferSize;
  }

  /**
   * The fastest reader this JDK can run right now: native once {@link LibC} is loaded (if
   * {@code allowNative}), else Java.
   */
  static MarkedLineReader create(boolean allowNative) {
    return allowNative && LibC.loaded() ? new NativeLineReader(BUFFER) : new HeapLineReader(BUFFER);
  }

  /**
   * Reads {@code [from, size)} of the channel, handing over the lines that contain {@code marker}.
   * One reader (and its one buffer) serves files of every format, one file at a time.
   */
  abstract Result read(FileChannel ch, long from, long size, Marker marker, LineHandler handler) throws IOException;

  // A line longer than the buffer streams past: where it starts in the file (-1 when no such line
  // is open) and whether a marker was seen in its parts already dropped.
  private long longStart = -1;
  private boolean longMarked;

  /** Starts a read from file offset {@code from}: checks the marker, forgets the previous read's long line. */
  final Result begin(Marker marker, long from) {
    if (marker.length() > MAX_MARKER) throw new IllegalArgumentException("marker too long");
    longStart = -1;
    longMarked = false;
    Result r = new Result();
    r.committed = from;
    return r;
  }

  /**
   * The line starting at file offset {@code start} fills the whole buffer: from now on it streams
   * past; {@code marked} when the part about to be dropped holds a marker.
   */
  final void streamLongLine(long start, boolean marked) {
    if (longStart < 0) longStart = start;
    if (marked) longMarked = true;
  }

  /** Whether a line longer than the buffer is streaming past. */
  final boolean inLongLine() {
    return longStart >= 0;
  }

  /** Where a later read resumes: the start of a line still streaming past, else {@code lineStart}. */
  final long resumeAt(long lineStart) {
    return longStart >= 0 ? longStart : lineStart;
  }

  /**
   * Ends the line streaming past, if there is one, at file offset {@code end} ({@code marked}: a
   * marker was seen in its last part): a marked one is read back whole, on its own. Whether there
   * was one.
   */
  final boolean endLongLine(FileChannel ch, LineHandler h, Result r, long end, boolean marked, boolean terminated)
      throws IOException {
    if (longStart < 0) return false;
    long start = longStart;
    boolean any = longMarked || marked;
    longStart = -1;
    longMarked = false;
    if (any) readBack(ch, h, r, start, end, terminated);
    return true;
  }

  /** Counts an unmarked line whose last non-blank byte (unsigned; {@code -1}: none) does not end a JSON object. */
  static void countIfTorn(Result r, int lastNonBlank, boolean terminated) {
    if (lastNonBlank >= 0 && lastNonBlank != '}') {
      if (terminated) r.tornLines++;
      else r.tornTail++;
    }
  }

  static boolean blank(byte b) {
    return b == ' ' || b == '\r' || b == '\t';
  }

  /** A marked line longer than the buffer, read back whole, on its own. */
  private static void readBack(FileChannel ch, LineHandler h, Result r, long start, long end, boolean terminated)
      throws IOException {
    r.markedLines++;
    long lineLen = end - start;
    if (lineLen > MAX_LINE) {
      r.oversizedLines++;
      return;
    }
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
