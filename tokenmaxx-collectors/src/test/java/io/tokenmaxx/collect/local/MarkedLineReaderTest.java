package io.tokenmaxx.collect.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class MarkedLineReaderTest {
  @TempDir
  Path dir;

  record Seen(String line, long offset, boolean terminated, int markAt) {}

  /** Both readers must hand over the same lines. */
  enum Kind {
    HEAP,
    NATIVE;

    MarkedLineReader reader(int bufferSize) {
      if (this == HEAP) return new HeapLineReader(bufferSize);
      // from JDK 22 on (the tests run with native access enabled) the native reader must load
      assumeTrue(Runtime.version().feature() >= 22, "the foreign-function API needs JDK 22");
      assertThat(LibC.load()).as("C library functions: %s", LibC.unavailableReason()).isTrue();
      return new NativeLineReader(bufferSize);
    }
  }

  List<Seen> read(Kind kind, Path file, long from, MarkedLineReader.Result[] out) throws IOException {
    List<Seen> seen = new ArrayList<>();
    try (FileChannel ch = FileChannel.open(file)) {
      out[0] = kind.reader(MarkedLineReader.BUFFER).read(ch, from, ch.size(), FileParser.CLAUDE_MARKER,
          (b, s, e, mark, off, t) -> seen.add(new Seen(new String(b, s, Math.min(e - s, 200), StandardCharsets.UTF_8), off, t, mark < 0 ? -1 : mark - s)));
    }
    return seen;
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void handsOverOnlyMarkedLinesAndCountsTornOnes(Kind kind) throws IOException {
    Path f = dir.resolve("a.jsonl");
    Files.writeString(f, "{\"a\":1}\n{\"usage\":{\"x\":1}}\n{\"b\":\n\n{\"c\":{\"usage\":{}}}\r\n{\"tail\":\"usage\":{");
    MarkedLineReader.Result[] r = new MarkedLineReader.Result[1];
    List<Seen> seen = read(kind, f, 0, r);
    assertThat(seen).extracting(Seen::line).containsExactly("{\"usage\":{\"x\":1}}", "{\"c\":{\"usage\":{}}}\r", "{\"tail\":\"usage\":{");
    assertThat(seen).extracting(Seen::offset).containsExactly(8L, 33L, 53L);
    assertThat(seen).extracting(Seen::terminated).containsExactly(true, true, false);
    assertThat(seen.get(1).markAt()).isEqualTo(6);
    assertThat(r[0].tornLines).isEqualTo(1); // {"b":
    assertThat(r[0].committed).isEqualTo(53); // after the last newline: the tail is re-read next time
    assertThat(r[0].bytesRead).isEqualTo(Files.size(f));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void resumesAtAnOffset(Kind kind) throws IOException {
    Path f = dir.resolve("b.jsonl");
    Files.writeString(f, "{\"usage\":{\"n\":1}}\n{\"usage\":{\"n\":2}}\n");
    MarkedLineReader.Result[] r = new MarkedLineReader.Result[1];
    assertThat(read(kind, f, 18, r)).extracting(Seen::line).containsExactly("{\"usage\":{\"n\":2}}");
    assertThat(r[0].bytesRead).isEqualTo(18);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void linesOfSeveralMebibytesWithAndWithoutAMarker(Kind kind) throws IOException {
    Path f = dir.resolve("c.jsonl");
    String big = "x".repeat(9 << 20);
    Files.writeString(f, "{\"big\":\"" + big + "\"}\n{\"message\":{\"content\":\"" + big + "\",\"usage\":{\"n\":3}}}\n{\"usage\":{\"n\":4}}\n");
    MarkedLineReader.Result[] r = new MarkedLineReader.Result[1];
    List<Seen> seen = read(kind, f, 0, r);
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).line()).startsWith("{\"message\":{\"content\":\"xxx");
    assertThat(seen.get(0).offset()).isEqualTo(big.length() + 11);
    assertThat(seen.get(1).line()).isEqualTo("{\"usage\":{\"n\":4}}");
    assertThat(r[0].committed).isEqualTo(Files.size(f));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void filesBeyondTwoGibibytes(Kind kind) throws IOException {
    Path f = dir.resolve("huge.jsonl");
    long gap = (2L << 30) + 12345;
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.write("{\"usage\":{\"n\":1}}\n".getBytes(StandardCharsets.US_ASCII));
      raf.seek(gap);
      raf.write("\n{\"usage\":{\"n\":2}}\n".getBytes(StandardCharsets.US_ASCII));
    }
    // resume just before the 2 GiB mark, as an incremental scan of a huge file does
    MarkedLineReader.Result[] r = new MarkedLineReader.Result[1];
    List<Seen> seen = read(kind, f, gap - 10, r);
    assertThat(seen).extracting(Seen::offset).containsExactly(gap + 1);
    assertThat(r[0].committed).isEqualTo(Files.size(f));
    assertThat(r[0].tornLines).isEqualTo(1); // the run of zero bytes before it is no JSON line
  }

  /**
   * Random files of short and long lines (pieces of the markers, their triggers, quotes, newlines,
   * torn endings) read with a small buffer, so compacting and streaming past long lines both
   * happen: the reader hands over exactly the lines a plain split finds the marker in, with the
   * first marker's position, and counts the same torn lines.
   */
  /**
   * One marker at every position of a line, after a first line of several lengths, with a buffer
   * of 128 bytes: wherever a refill or compaction cuts the marker in two, the line is still found.
   */
  @ParameterizedTest
  @EnumSource(Kind.class)
  void aMarkerAnywhereInALineIsFoundAcrossRefills(Kind kind) throws IOException {
    int buffer = 128;
    MarkedLineReader reader = kind.reader(buffer);
    String marker = "\"usage\":{";
    Path f = dir.resolve("sweep.jsonl");
    for (int prefix : new int[] {0, 37, 100, 127}) {
      String first = prefix == 0 ? "" : "{" + "a".repeat(prefix - 2) + "}\n";
      for (int length : new int[] {60, 127, 128, 420}) {
        for (int at = 1; at + marker.length() < length; at++) {
          String line = "{" + "x".repeat(at - 1) + marker + "y".repeat(length - at - marker.length() - 1) + "}";
          Files.writeString(f, first + line + "\n");
          List<Seen> seen = new ArrayList<>();
          MarkedLineReader.Result r;
          try (FileChannel ch = FileChannel.open(f)) {
            r = reader.read(ch, 0, ch.size(), FileParser.CLAUDE_MARKER, (b, st, e, m, off, t) ->
                seen.add(new Seen(new String(b, st, e - st, StandardCharsets.UTF_8), off, t, m < 0 ? -1 : m - st)));
          }
          boolean longLine = length >= buffer;
          assertThat(seen).as("prefix %d, line %d, marker at %d", prefix, length, at)
              .containsExactly(new Seen(line, first.length(), true, longLine ? -1 : at));
          assertThat(r.tornLines).isZero();
          assertThat(r.committed).isEqualTo(first.length() + line.length() + 1L);
        }
      }
    }
  }

  static Stream<Arguments> seeds() {
    return Stream.of(Kind.values()).flatMap(k -> LongStream.rangeClosed(1, 10).mapToObj(seed -> Arguments.of(k, seed)));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void agreesWithAPlainSplitOnRandomFiles(Kind kind, long seed) throws IOException {
    Random r = new Random(seed);
    String[] pieces = {"\"usage\":{", "\"type\":\"t", "\"usageMetadata\":{", ":{", "yp", "\"", ":", "{", "}", "\n",
        "usage", "\"type\"", "x", "ab", " ", "\r", "\\\"usage\\\":{", "é", "Count\":", "_count\":", "ount"};
    int maxBuffer = 1024;
    // one reader for every round, as a scan thread reads file after file of any format
    MarkedLineReader reader = kind.reader(maxBuffer);
    for (int round = 0; round < 40; round++) {
      Marker m = new Marker[] {FileParser.CLAUDE_MARKER, FileParser.CODEX_MARKER, FileParser.QWEN_MARKER}[r.nextInt(3)];
      StringBuilder text = new StringBuilder();
      int lines = 1 + r.nextInt(60);
      for (int l = 0; l < lines; l++) {
        int want = r.nextInt(10) == 0 ? 2000 + r.nextInt(3000) : r.nextInt(300);
        StringBuilder line = new StringBuilder("{");
        while (line.length() < want) {
          String p = pieces[r.nextInt(pieces.length)];
          if (!p.equals("\n")) line.append(p);
        }
        if (r.nextInt(4) > 0) line.append('}');
        text.append(line);
        if (l < lines - 1 || r.nextBoolean()) text.append('\n');
        if (r.nextInt(8) == 0) text.append('\n'); // an empty line
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      Path f = dir.resolve("random-" + seed + "-" + round + ".jsonl");
      Files.write(f, bytes);
      int from = r.nextBoolean() ? 0 : lineStartAtOrAfter(bytes, r.nextInt(bytes.length + 1));

      List<Seen> seen = new ArrayList<>();
      MarkedLineReader.Result got;
      try (FileChannel ch = FileChannel.open(f)) {
        got = reader.read(ch, from, ch.size(), m, (b, s, e, mark, off, t) ->
            seen.add(new Seen(new String(b, s, e - s, StandardCharsets.UTF_8), off, t, mark < 0 ? -1 : mark - s)));
      }

      List<Seen> expected = new ArrayList<>();
      long torn = 0, tornTail = 0;
      String pattern = MarkerAndBytesTest.patternText(m);
      byte[] pat = pattern.getBytes(StandardCharsets.US_ASCII);
      int start = from;
      while (start < bytes.length) {
        int nl = start;
        while (nl < bytes.length && bytes[nl] != '\n') nl++;
        boolean terminated = nl < bytes.length;
        int at = MarkerAndBytesTest.naive(bytes, start, nl, pat);
        boolean longLine = nl - start >= maxBuffer; // the line and its newline do not fit in the buffer
        if (at >= 0) {
          expected.add(new Seen(new String(bytes, start, nl - start, StandardCharsets.UTF_8), start, terminated,
              longLine ? -1 : at - start));
        } else if (!longLine) {
          int e = nl;
          while (e > start && (bytes[e - 1] == ' ' || bytes[e - 1] == '\r' || bytes[e - 1] == '\t')) e--;
          if (e > start && bytes[e - 1] != '}') {
            if (terminated) torn++;
            else tornTail++;
          }
        }
        start = nl + 1;
      }
      assertThat(seen).as("seed %d round %d", seed, round).containsExactlyElementsOf(expected);
      assertThat(got.tornLines).as("torn lines").isEqualTo(torn);
      assertThat(got.tornTail).as("torn tail").isEqualTo(tornTail);
      assertThat(got.markedLines).isEqualTo(expected.size());
      int lastNewline = -1;
      for (int k = from; k < bytes.length; k++) if (bytes[k] == '\n') lastNewline = k;
      assertThat(got.committed).as("where a later read resumes").isEqualTo(lastNewline < 0 ? from : lastNewline + 1L);
      assertThat(got.bytesRead).isGreaterThanOrEqualTo(bytes.length - from);
    }
  }

  private static int lineStartAtOrAfter(byte[] b, int p) {
    if (p == 0) return 0;
    while (p < b.length && b[p - 1] != '\n') p++;
    return p;
  }
}
