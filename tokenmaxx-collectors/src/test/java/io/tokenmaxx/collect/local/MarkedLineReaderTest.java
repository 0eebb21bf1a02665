package io.tokenmaxx.collect.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkedLineReaderTest {
  @TempDir
  Path dir;

  record Seen(String line, long offset, boolean terminated, int markAt) {}

  List<Seen> read(Path file, long from, MarkedLineReader.Result[] out) throws IOException {
    List<Seen> seen = new ArrayList<>();
    try (FileChannel ch = FileChannel.open(file)) {
      out[0] = new MarkedLineReader(FileParser.CLAUDE_MARKER).read(ch, from, ch.size(),
          (b, s, e, mark, off, t) -> seen.add(new Seen(new String(b, s, Math.min(e - s, 200), StandardCharsets.UTF_8), off, t, mark < 0 ? -1 : mark - s)));
    }
    return seen;
  }

  @Test
  void handsOverOnlyMarkedLinesAndCountsTornOnes() throws IOException {
    Path f = dir.resolve("a.jsonl");
    Files.writeString(f, "{\"a\":1}\n{\"usage\":{\"x\":1}}\n{\"b\":\n\n{\"c\":{\"usage\":{}}}\r\n{\"tail\":\"usage\":{");
    MarkedLineReader.Result[] r = new MarkedLineReader.Result[1];
    List<Seen> seen = read(f, 0, r);
    assertThat(seen).extracting(Seen::line).containsExactly("{\"usage\":{\"x\":1}}", "{\"c\":{\"usage\":{}}}\r", "{\"tail\":\"usage\":{");
    assertThat(seen).extracting(Seen::offset).containsExactly(8L, 33L, 53L);
    assertThat(seen).extracting(Seen::terminated).containsExactly(true, true, false);
    assertThat(seen.get(1).markAt()).isEqualTo(6);
    assertThat(r[0].tornLines).isEqualTo(1); // {"b":
    assertThat(r[0].committed).isEqualTo(53); // after the last newline: the tail is re-read next time
    assertThat(r[0].bytesRead).isEqualTo(Files.size(f));
  }

  @Test
  void resumesAtAnOffset() throws IOException {
    Path f = dir.resolve("b.jsonl");
    Files.writeString(f, "{\"usage\":{\"n\":1}}\n{\"usage\":{\"n\":2}}\n");
    MarkedLineReader.Result[] r = new MarkedLineReader.Result[1];
    assertThat(read(f, 18, r)).extracting(Seen::line).containsExactly("{\"usage\":{\"n\":2}}");
    assertThat(r[0].bytesRead).isEqualTo(18);
  }

  @Test
  void linesOfSeveralMebibytesWithAndWithoutAMarker() throws IOException {
    Path f = dir.resolve("c.jsonl");
    String big = "x".repeat(9 << 20);
    Files.writeString(f, "{\"big\":\"" + big + "\"}\n{\"message\":{\"content\":\"" + big + "\",\"usage\":{\"n\":3}}}\n{\"usage\":{\"n\":4}}\n");
    MarkedLineReader.Result[] r = new MarkedLineReader.Result[1];
    List<Seen> seen = read(f, 0, r);
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).line()).startsWith("{\"message\":{\"content\":\"xxx");
    assertThat(seen.get(0).offset()).isEqualTo(big.length() + 11);
    assertThat(seen.get(1).line()).isEqualTo("{\"usage\":{\"n\":4}}");
    assertThat(r[0].committed).isEqualTo(Files.size(f));
  }

  @Test
  void filesBeyondTwoGibibytes() throws IOException {
    Path f = dir.resolve("huge.jsonl");
    long gap = (2L << 30) + 12345;
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.write("{\"usage\":{\"n\":1}}\n".getBytes(StandardCharsets.US_ASCII));
      raf.seek(gap);
      raf.write("\n{\"usage\":{\"n\":2}}\n".getBytes(StandardCharsets.US_ASCII));
    }
    // resume just before the 2 GiB mark, as an incremental scan of a huge file does
    MarkedLineReader.Result[] r = new MarkedLineReader.Result[1];
    List<Seen> seen = read(f, gap - 10, r);
    assertThat(seen).extracting(Seen::offset).containsExactly(gap + 1);
    assertThat(r[0].committed).isEqualTo(Files.size(f));
    assertThat(r[0].tornLines).isEqualTo(1); // the run of zero bytes before it is no JSON line
  }
}
