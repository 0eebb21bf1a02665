package io.tokenmaxx.gateway.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SseReaderTest {
  /** Hands out its bytes in pieces of random size, as a network does. */
  static final class Trickle extends InputStream {
    private final byte[] b;
    private final SplittableRandom rnd;
    private int pos;

    Trickle(byte[] b, SplittableRandom rnd) {
      this.b = b;
      this.rnd = rnd;
    }

    @Override
    public int read() {
      return pos < b.length ? b[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] out, int off, int len) {
      if (pos >= b.length) return -1;
      int n = Math.min(Math.min(len, b.length - pos), 1 + rnd.nextInt(7));
      System.arraycopy(b, pos, out, off, n);
      pos += n;
      return n;
    }
  }

  static List<SseReader.Event> readAll(InputStream in) throws IOException {
    SseReader r = new SseReader(in, 1 << 20);
    List<SseReader.Event> out = new ArrayList<>();
    SseReader.Event e;
    while ((e = r.next()) != null) out.add(e);
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void eventsSurviveAnySplitAndAnyLineEnding(long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    String[] eols = {"\n", "\r\n", "\r"};
    StringBuilder stream = new StringBuilder();
    List<String[]> expected = new ArrayList<>();
    int n = 20 + rnd.nextInt(30);
    for (int i = 0; i < n; i++) {
      String eol = eols[rnd.nextInt(eols.length)];
      String name = rnd.nextBoolean() ? "content_block_delta" : null;
      String data = "{\"i\":" + i + ",\"text\":\"" + "é日x".repeat(rnd.nextInt(200)) + "\"}";
      if (rnd.nextInt(5) == 0) stream.append(": keep-alive").append(eol).append(eol);
      if (name != null) stream.append("event: ").append(name).append(eol);
      stream.append("data: ").append(data).append(eol).append(eol);
      expected.add(new String[] {name, data});
    }
    stream.append("data: [DONE]\n\n");
    byte[] bytes = stream.toString().getBytes(StandardCharsets.UTF_8);
    List<SseReader.Event> events = readAll(new Trickle(bytes, rnd));
    List<SseReader.Event> withData = events.stream().filter(e -> e.data() != null).toList();
    assertThat(withData).hasSize(n + 1);
    for (int i = 0; i < n; i++) {
      assertThat(withData.get(i).event()).isEqualTo(expected.get(i)[0]);
      assertThat(withData.get(i).data()).isEqualTo(expected.get(i)[1]);
    }
    assertThat(withData.get(n).data()).isEqualTo("[DONE]");
    // forwarding the raw bytes of every event reproduces the stream exactly
    StringBuilder again = new StringBuilder();
    for (SseReader.Event e : events) again.append(new String(e.raw(), 0, e.length(), StandardCharsets.UTF_8));
    assertThat(again.toString()).isEqualTo(stream.toString());
  }

  @Test
  void multiLineDataIsJoinedAndAStreamCutInsideAnEventIsReported() throws IOException {
    SseReader r = new SseReader(new ByteArrayInputStream(
        "event: x\ndata: a\ndata: b\n\ndata: {\"cut".getBytes(StandardCharsets.UTF_8)), 1 << 20);
    SseReader.Event e = r.next();
    assertThat(e.event()).isEqualTo("x");
    assertThat(e.data()).isEqualTo("a\nb");
    assertThat(r.next()).isNull();
    assertThat(r.truncated()).isTrue();
  }

  @Test
  void anEventIsReturnedAsSoonAsItsBlankLineArrives() throws IOException {
    // a stream that would block after the first event: next() must not read past it
    InputStream blocking = new InputStream() {
      final byte[] first = "data: one\n\n".getBytes(StandardCharsets.UTF_8);
      int pos;

      @Override
      public int read() {
        throw new AssertionError("single-byte reads are not expected");
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos < first.length) {
          int n = Math.min(len, first.length - pos);
          System.arraycopy(first, pos, b, off, n);
          pos += n;
          return n;
        }
        throw new AssertionError("read past the first event before returning it");
      }
    };
    assertThat(new SseReader(blocking, 1024).next().data()).isEqualTo("one");
  }
}
