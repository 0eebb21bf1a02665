package io.tokenmaxx.gateway.internal.wire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads server-sent events one at a time from a stream, keeping each event's raw bytes (so it can be
 * forwarded unchanged) beside its {@code event} name and {@code data} (lines joined by newlines).
 * Lines may end in LF, CRLF or CR. {@link #next} returns as soon as an event's blank line arrives —
 * it never waits for more than the event — and null at the end of the stream; an event cut off by
 * the end of the stream is reported by {@link #truncated()}.
 */
public final class SseReader {
  private final InputStream in;
  private byte[] buf = new byte[8192];
  private int start;
  private int end;
  private boolean eof;
  private boolean truncated;
  private final long maxEventBytes;

  /** One event: raw bytes {@code [0, length)} of {@link #raw}, the event name (null when absent) and data. */
  public record Event(byte[] raw, int length, String event, String data) {}

  public SseReader(InputStream in, long maxEventBytes) {
    this.in = in;
    this.maxEventBytes = maxEventBytes;
  }

  /** True when the stream ended inside an event (bytes without the blank line that ends it). */
  public boolean truncated() {
    return truncated;
  }

  public Event next() throws IOException {
    while (true) {
      int stop = eventEnd();
      if (stop >= 0) {
        Event e = parse(start, stop);
        start = stop;
        if (e != null) return e;
        continue;
      }
      if (eof) {
        if (end > start && !isBlank(start, end)) truncated = true;
        start = end;
        return null;
      }
      fill();
    }
  }

  private boolean isBlank(int from, int to) {
    for (int i = from; i < to; i++) if (buf[i] != '\n' && buf[i] != '\r') return false;
    return true;
  }

  private void fill() throws IOException {
    if (start > 0 && start == end) {
      start = end = 0;
    }
    if (end == buf.length) {
      if (start > 0) {
        System.arraycopy(buf, start, buf, 0, end - start);
        end -= start;
        start = 0;
      } else {
        if (buf.length >= maxEventBytes) throw new IOException("an event is larger than " + maxEventBytes + " bytes");
        buf = Arrays.copyOf(buf, (int) Math.min(maxEventBytes, (long) buf.length * 2));
      }
    }
    int r = in.read(buf, end, buf.length - end);
    if (r < 0) eof = true; else end += r;
  }

  /** Index just after the blank line ending the event that starts at {@code start}, or -1. */
  private int eventEnd() {
    int i = start;
    // a line break followed by another line break ends an event
    while (i < end) {
      byte b = buf[i];
      if (b == '\n' || b == '\r') {
        int next = i + 1;
        if (b == '\r') {
          if (next >= end && !eof) return -1; // need to know whether LF follows
          if (next < end && buf[next] == '\n') next++;
        }
        if (i == start) return next; // a blank line on its own (leading or keep-alive)
        if (next >= end) return eof ? next : -1;
        byte c = buf[next];
        if (c == '\n') return next + 1;
        if (c == '\r') {
          if (next + 1 >= end && !eof) return -1;
          return next + 1 < end && buf[next + 1] == '\n' ? next + 2 : next + 1;
        }
        i = next;
      } else {
        i++;
      }
    }
    return -1;
  }

  private Event parse(int from, int to) {
    String event = null;
    StringBuilder data = null;
    int i = from;
    boolean any = false;
    while (i < to) {
      int lineEnd = i;
      while (lineEnd < to && buf[lineEnd] != '\n' && buf[lineEnd] != '\r') lineEnd++;
      if (lineEnd > i) {
        any = true;
        int colon = -1;
        for (int k = i; k < lineEnd; k++) if (buf[k] == ':') { colon = k; break; }
        if (colon != i) { // lines starting with ':' are comments
          int nameEnd = colon < 0 ? lineEnd : colon;
          int v = colon < 0 ? lineEnd : colon + 1;
          if (v < lineEnd && buf[v] == ' ') v++;
          String name = new String(buf, i, nameEnd - i, StandardCharsets.UTF_8);
          if (name.equals("event")) {
            event = new String(buf, v, lineEnd - v, StandardCharsets.UTF_8);
          } else if (name.equals("data")) {
            if (data == null) data = new StringBuilder(lineEnd - v);
            else data.append('\n');
            data.append(new String(buf, v, lineEnd - v, StandardCharsets.UTF_8));
          }
        }
      }
      i = lineEnd;
      if (i < to && buf[i] == '\r') i++;
      if (i < to && buf[i] == '\n') i++;
    }
    if (!any) return null;
    return new Event(Arrays.copyOfRange(buf, from, to), to - from, event, data == null ? null : data.toString());
  }
}
