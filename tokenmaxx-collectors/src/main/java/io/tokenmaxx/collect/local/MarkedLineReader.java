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

  /** The end of a marked line longer than the buffer: read back whole, on its own. */
  static void readBack(FileChannel ch, LineHandler h, Result r, long start, long end, boolean terminated)
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
