package io.tokenmaxx.collect.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonTailTest {
  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  /**
   * Random objects: a non-scalar member (an object or array full of strings with quotes,
   * backslashes and brackets) followed by scalar members with random whitespace; read backwards,
   * the tail gives exactly the scalar members, last first, and stops at the non-scalar one's end.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void readsTheScalarMembersAfterTheLastNonScalarOne(long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder("{");
    sb.append(ws(r)).append("\"head\"").append(ws(r)).append(':').append(ws(r)).append(scalar(r)).append(ws(r)).append(',');
    sb.append(ws(r)).append("\"message\"").append(ws(r)).append(':').append(ws(r));
    sb.append(r.nextBoolean() ? "{\"content\":[" + string(r) + ",{\"usage\":{\"a\":1}}," + string(r) + "]}"
        : "[" + string(r) + ",{\"k\":\"}\"}]");
    int stop = sb.length() - 1;
    int n = 1 + r.nextInt(12);
    List<String[]> members = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String key = r.nextInt(5) == 0 ? "k\\\"" + i : "key" + i;
      String value = scalar(r);
      members.add(new String[] {key, value});
      sb.append(ws(r)).append(',').append(ws(r)).append('"').append(key).append('"').append(ws(r)).append(':')
          .append(ws(r)).append(value);
    }
    sb.append(ws(r)).append('}').append(ws(r));
    // ASCII only below the strings' escapes, so byte and char offsets agree
    byte[] b = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    JsonTail tail = new JsonTail();
    assertThat(tail.read(b, 0, b.length)).as(sb.toString()).isTrue();
    assertThat(tail.stop).isEqualTo(stop);
    assertThat(tail.count).isEqualTo(n);
    for (int i = 0; i < n; i++) {
      String[] m = members.get(n - 1 - i);
      assertThat(new String(b, tail.keyStart[i], tail.keyEnd[i] - tail.keyStart[i], StandardCharsets.ISO_8859_1)).isEqualTo(m[0]);
      assertThat(new String(b, tail.valueStart[i], tail.valueEnd[i] - tail.valueStart[i], StandardCharsets.ISO_8859_1))
          .isEqualTo(m[1]);
    }
  }

  @Test
  void refusesWhatItCannotReadBackwards() {
    JsonTail tail = new JsonTail();
    assertThat(read(tail, "{\"a\":1,\"b\":\"x\"}")).as("every member a scalar: nothing skipped").isFalse();
    assertThat(read(tail, "{\"a\":{\"b\":1}}")).as("no scalar member at the end").isFalse();
    assertThat(read(tail, "{\"a\":{},\"b\":1")).as("not closed").isFalse();
    assertThat(read(tail, "{\"a\":{},\"b\":1,}")).as("trailing comma").isFalse();
    assertThat(read(tail, "{\"a\":{},\"b\" 1}")).as("no colon").isFalse();
    assertThat(read(tail, "{\"a\":{},b:1}")).as("unquoted key").isFalse();
    assertThat(read(tail, "{\"a\":{},\"b\":\"x\\\"}")).as("the value's opening quote is escaped").isFalse();
    StringBuilder many = new StringBuilder("{\"a\":{}");
    for (int i = 0; i <= JsonTail.MAX_MEMBERS; i++) many.append(",\"k").append(i).append("\":").append(i);
    assertThat(read(tail, many.append('}').toString())).as("more members than it keeps").isFalse();
  }

  @Test
  void findsKeysAndComparesStringValues() {
    JsonTail tail = new JsonTail();
    byte[] b = "{\"message\":{},\"type\":\"assistant\",\"n\":3,\"type\":\"user\"}".getBytes(StandardCharsets.US_ASCII);
    assertThat(tail.read(b, 0, b.length)).isTrue();
    int type = tail.find(b, JsonCursor.ascii("type"));
    assertThat(tail.stringIs(b, type, JsonCursor.ascii("user"))).as("the last of a repeated key comes first").isTrue();
    assertThat(tail.find(b, JsonCursor.ascii("missing"))).isEqualTo(-1);
    assertThat(tail.stringIs(b, tail.find(b, JsonCursor.ascii("n")), JsonCursor.ascii("3"))).as("not a string").isFalse();
  }

  private static boolean read(JsonTail tail, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    return tail.read(b, 0, b.length);
  }

  private static String ws(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> " ";
      case 1 -> "\t ";
      case 2 -> "\n";
      default -> "";
    };
  }

  private static String scalar(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> Long.toString(r.nextLong() % 1_000_000_000L);
      case 1 -> "0.00" + r.nextInt(1000) + "e-3";
      case 2 -> r.nextBoolean() ? "true" : "false";
      case 3 -> "null";
      default -> string(r);
    };
  }

  /** A JSON string with escaped quotes and backslashes, brackets, colons and commas inside. */
  private static String string(Random r) {
    String[] parts = {"a", "\\\"", "\\\\", "{", "}", "[", "]", ":", ",", " ", "\\n", "\\u00e9", "\\\\\\\"", "x\\\\"};
    StringBuilder sb = new StringBuilder("\"");
    int n = r.nextInt(20);
    for (int i = 0; i < n; i++) sb.append(parts[r.nextInt(parts.length)]);
    return sb.append('"').toString();
  }
}
