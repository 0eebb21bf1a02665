package io.tokenmaxx.collect.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaudeLineParserTest {
  final ClaudeLineParser parser = new ClaudeLineParser();
  final EntryTable t = new EntryTable();
  final StringPool pool = new StringPool();

  static String line(String usage) {
    return line("\"version\":\"2.0.14\",", "\"id\":\"m1\",\"model\":\"claude-sonnet-4-5\",", usage, "\"requestId\":\"r1\",");
  }

  static String line(String top, String msgHead, String usage, String after) {
    return "{\"parentUuid\":null,\"isSidechain\":false,\"sessionId\":\"s\"," + top + "\"message\":{" + msgHead
        + "\"content\":[{\"type\":\"text\",\"text\":\"hi \\\"there\\\"\"}],\"usage\":" + usage + "}," + after
        + "\"type\":\"assistant\",\"timestamp\":\"2026-01-02T03:04:05.678Z\"}";
  }

  LineStatus parse(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int mark = new String(b, StandardCharsets.ISO_8859_1).indexOf("\"usage\":{");
    return parser.parse(b, 0, b.length, mark, t, pool);
  }

  @Test
  void readsTokensIdsModelAndTime() {
    assertThat(parse(line("{\"input_tokens\":1,\"cache_creation_input_tokens\":7,\"cache_read_input_tokens\":3,\"output_tokens\":2}")))
        .isEqualTo(LineStatus.USAGE);
    assertThat(t.input[0]).isEqualTo(1);
    assertThat(t.output[0]).isEqualTo(2);
    assertThat(t.cacheRead[0]).isEqualTo(3);
    assertThat(t.cacheWrite5m[0]).isEqualTo(7);
    assertThat(t.cacheWrite1h[0]).isZero();
    assertThat(pool.get(t.model[0])).isEqualTo("claude-sonnet-4-5");
    assertThat(pool.get(t.messageId[0])).isEqualTo("m1");
    assertThat(pool.get(t.requestId[0])).isEqualTo("r1");
    assertThat(t.timestamp[0]).isEqualTo(java.time.Instant.parse("2026-01-02T03:04:05.678Z").toEpochMilli());
  }

  /**
   * The total is what was billed; the split places the 1-hour part and the rest is priced at the
   * 5-minute rate. ccusage counts the split alone (0 for the zeros Claude Code writes when the API
   * sent no split): a deliberate difference.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "split adds up,           '\"cache_creation_input_tokens\":500,\"cache_creation\":{\"ephemeral_5m_input_tokens\":300,\"ephemeral_1h_input_tokens\":200}', 300, 200",
      "split of zeros,          '\"cache_creation_input_tokens\":100,\"cache_creation\":{\"ephemeral_5m_input_tokens\":0,\"ephemeral_1h_input_tokens\":0}', 100, 0",
      "split falls short,       '\"cache_creation_input_tokens\":999,\"cache_creation\":{\"ephemeral_5m_input_tokens\":10,\"ephemeral_1h_input_tokens\":20}', 979, 20",
      "split exceeds the total, '\"cache_creation_input_tokens\":150,\"cache_creation\":{\"ephemeral_5m_input_tokens\":0,\"ephemeral_1h_input_tokens\":400}', 0, 150",
      "split without a total,   '\"cache_creation\":{\"ephemeral_5m_input_tokens\":10,\"ephemeral_1h_input_tokens\":20}', 10, 20",
      "total without a split,   '\"cache_creation_input_tokens\":70', 70, 0"})
  void cacheWritesKeepTheBilledTotal(String name, String fields, long fiveMinutes, long oneHour) {
    parse(line("{\"input_tokens\":1," + fields + ",\"output_tokens\":2}"));
    assertThat(t.cacheWrite5m[0]).isEqualTo(fiveMinutes);
    assertThat(t.cacheWrite1h[0]).isEqualTo(oneHour);
  }

  @Test
  void fastModeAndSidechainAreFlags() {
    parse(line("{\"input_tokens\":1,\"output_tokens\":2,\"speed\":\"fast\"}").replace("\"isSidechain\":false", "\"isSidechain\":true"));
    assertThat(t.flags[0] & EntryTable.FAST).isNotZero();
    assertThat(t.flags[0] & EntryTable.SIDECHAIN).isNotZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "float tokens|{\"input_tokens\":1.0,\"output_tokens\":2}",
      "negative tokens|{\"input_tokens\":-1,\"output_tokens\":2}",
      "missing input|{\"output_tokens\":2}",
      "missing output|{\"input_tokens\":2}",
      "unknown speed|{\"input_tokens\":1,\"output_tokens\":2,\"speed\":\"turbo\"}",
      "null speed|{\"input_tokens\":1,\"output_tokens\":2,\"speed\":null}",
      "null cache read|{\"input_tokens\":1,\"output_tokens\":2,\"cache_read_input_tokens\":null}",
      "string tokens|{\"input_tokens\":\"1\",\"output_tokens\":2}",
  })
  void usageThatBreaksTheRulesIsInvalid(String why, String usage) {
    assertThat(parse(line(usage))).as(why).isEqualTo(LineStatus.INVALID);
    assertThat(t.size).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "bad version|\"version\":\"abc\",|\"id\":\"m1\",\"model\":\"x\",|\"requestId\":\"r1\",",
      "null version|\"version\":null,|\"id\":\"m1\",\"model\":\"x\",|\"requestId\":\"r1\",",
      "empty request id|\"version\":\"1.0.0\",|\"id\":\"m1\",\"model\":\"x\",|\"requestId\":\"\",",
      "null request id|\"version\":\"1.0.0\",|\"id\":\"m1\",\"model\":\"x\",|\"requestId\":null,",
      "empty model|\"version\":\"1.0.0\",|\"id\":\"m1\",\"model\":\"\",|\"requestId\":\"r\",",
      "null model|\"version\":\"1.0.0\",|\"id\":\"m1\",\"model\":null,|\"requestId\":\"r\",",
      "null cost|\"costUSD\":null,|\"id\":\"m1\",\"model\":\"x\",|\"requestId\":\"r\",",
      "null cwd|\"cwd\":null,|\"id\":\"m1\",\"model\":\"x\",|\"requestId\":\"r\",",
  })
  void linesThatBreakTheRulesAreInvalid(String why, String top, String head, String after) {
    assertThat(parse(line(top, head, "{\"input_tokens\":1,\"output_tokens\":2}", after))).as(why).isEqualTo(LineStatus.INVALID);
  }

  @Test
  void timestampsMustCarryAnOffset() {
    assertThat(parse(line("{\"input_tokens\":1,\"output_tokens\":2}").replace(".678Z", ".678"))).isEqualTo(LineStatus.INVALID);
    assertThat(parse(line("{\"input_tokens\":1,\"output_tokens\":2}").replace("03:04:05.678Z", "03:04:05+02:00"))).isEqualTo(LineStatus.USAGE);
    assertThat(t.timestamp[0]).isEqualTo(java.time.Instant.parse("2026-01-02T01:04:05Z").toEpochMilli());
  }

  @Test
  void cutOffLinesAreMalformed() {
    String l = line("{\"input_tokens\":1,\"output_tokens\":2}");
    for (int cut : new int[] {l.length() - 1, l.length() / 2, 10}) {
      assertThat(parse(l.substring(0, cut))).isEqualTo(LineStatus.MALFORMED);
    }
    assertThat(parse(l + "garbage")).isEqualTo(LineStatus.MALFORMED);
  }

  @Test
  void aUsageKeyInsideContentDoesNotFoolTheJump() {
    String l = line("\"version\":\"2.0.14\",", "\"id\":\"m1\",\"model\":\"x\",",
        "{\"input_tokens\":1,\"output_tokens\":2}", "\"requestId\":\"r1\",")
        .replace("\"content\":[", "\"content\":[{\"type\":\"tool_use\",\"input\":{\"usage\":{\"input_tokens\":999}}},");
    assertThat(parse(l)).isEqualTo(LineStatus.USAGE);
    assertThat(t.input[0]).isEqualTo(1);
  }

  @Test
  void usageQuotedByAUserLineIsNotUsage() {
    String user = "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"hi\"},\"timestamp\":\"2026-01-02T03:04:05.678Z\","
        + "\"toolUseResult\":{\"usage\":{\"input_tokens\":12,\"output_tokens\":3}}}";
    assertThat(parse(user)).isEqualTo(LineStatus.NOT_USAGE);
  }

  @Test
  void agentProgressLinesCarryTheSubagentsMessage() {
    String p = "{\"type\":\"progress\",\"sessionId\":\"s\",\"data\":{\"message\":{\"type\":\"assistant\",\"message\":{\"id\":\"m9\",\"model\":\"x\","
        + "\"content\":[],\"usage\":{\"input_tokens\":4,\"output_tokens\":5}},\"requestId\":\"r9\",\"timestamp\":\"2026-01-02T03:04:05.000Z\"},"
        + "\"type\":\"agent_progress\"},\"timestamp\":\"2026-01-02T03:04:06.000Z\"}";
    assertThat(parse(p)).isEqualTo(LineStatus.USAGE);
    assertThat(t.flags[0] & EntryTable.PROGRESS_COPY).isNotZero();
    assertThat(pool.get(t.messageId[0])).isEqualTo("m9");
    assertThat(t.timestamp[0]).isEqualTo(java.time.Instant.parse("2026-01-02T03:04:05Z").toEpochMilli());
  }

  @Test
  void keepsTheReportedCostText() {
    parse(line("\"costUSD\":0.000123,", "\"id\":\"m1\",\"model\":\"x\",", "{\"input_tokens\":1,\"output_tokens\":2}", ""));
    assertThat(pool.get(t.reportedCost[0])).isEqualTo("0.000123");
  }

  /** An assistant line as Claude Code 2.1.328 writes it: usage before content, the envelope after the message. */
  static String line21(String content, String usage, String tail) {
    return "{\"parentUuid\":\"p\",\"isSidechain\":false,\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
        + "\"model\":\"claude-haiku-4-5\",\"stop_sequence\":null,\"usage\":" + usage + ",\"content\":" + content
        + ",\"stop_reason\":\"end_turn\",\"stop_details\":null},\"apiBlockIndex\":0" + tail + "}";
  }

  static final String TAIL21 = ",\"requestId\":\"req_1\",\"type\":\"assistant\",\"uuid\":\"u\",\"timestamp\":\"2026-12-07T23:03:32.535Z\","
      + "\"perTurnEffort\":null,\"userType\":\"external\",\"cwd\":\"/w\",\"sessionId\":\"s\",\"version\":\"2.1.328\",\"gitBranch\":\"HEAD\"";

  static java.util.stream.LongStream seeds() {
    return java.util.stream.LongStream.range(0, 200);
  }

  /**
   * Usage before the content (Claude Code 2.1): the envelope after the message is read from the
   * line's end. Random content (quotes, backslashes, brackets, a nested usage object, keys named
   * like the envelope's inside tool input) and random envelope order give the same row as the
   * same line with the content first, which is read forward.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("seeds")
  void usageBeforeTheContentReadsTheEnvelopeFromTheLineEnd(long seed) {
    java.util.Random r = new java.util.Random(seed);
    // fragments of a JSON string's content, escapes included
    String[] pieces = {"a", "\\\"", "\\\\", "{", "}", "[", "]", ":", ",", "\\n", "\\\"requestId\\\":\\\"x\\\"", "\\\"usage\\\":{"};
    StringBuilder text = new StringBuilder();
    for (int i = 0, n = r.nextInt(40); i < n; i++) text.append(pieces[r.nextInt(pieces.length)]);
    String content = "[{\"type\":\"text\",\"text\":\"" + text + "\"},{\"type\":\"tool_use\",\"input\":{\"requestId\":\"no\","
        + "\"timestamp\":\"2020-01-01T00:00:00Z\",\"usage\":{\"input_tokens\":999,\"output_tokens\":999}}}]";
    long in = r.nextInt(1000), out = r.nextInt(1000), read = r.nextInt(100_000);
    String usage = "{\"input_tokens\":" + in + ",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":" + read
        + ",\"output_tokens\":" + out + ",\"service_tier\":\"standard\",\"iterations\":[],\"speed\":\"standard\"}";
    java.util.List<String> members = new java.util.ArrayList<>(java.util.List.of(TAIL21.substring(1).split(",(?=\")")));
    if (r.nextBoolean()) members.add("\"isApiErrorMessage\":false");
    java.util.Collections.shuffle(members, r);
    String tail = "," + String.join(",", members);
    String first = line21(content, usage, tail);
    String last = first.replace("\"usage\":" + usage + ",\"content\":" + content, "\"content\":" + content + ",\"usage\":" + usage);
    assertThat(parse(first)).as(first).isEqualTo(LineStatus.USAGE);
    assertThat(parse(last)).as(last).isEqualTo(LineStatus.USAGE);
    for (int row = 0; row < 2; row++) {
      assertThat(t.input[row]).isEqualTo(in);
      assertThat(t.output[row]).isEqualTo(out);
      assertThat(t.cacheRead[row]).isEqualTo(read);
      assertThat(pool.get(t.requestId[row])).isEqualTo("req_1");
      assertThat(pool.get(t.messageId[row])).isEqualTo("msg_1");
      assertThat(t.timestamp[row]).isEqualTo(java.time.Instant.parse("2026-12-07T23:03:32.535Z").toEpochMilli());
    }
  }

  @Test
  void theEnvelopeAfterTheMessageKeepsTheRules() {
    String content = "[{\"type\":\"text\",\"text\":\"hi\"}]";
    String usage = "{\"input_tokens\":1,\"output_tokens\":2}";
    assertThat(parse(line21(content, usage, TAIL21.replace("\"cwd\":\"/w\"", "\"cwd\":null")))).as("null cwd").isEqualTo(LineStatus.INVALID);
    assertThat(parse(line21(content, usage, TAIL21.replace("2.1.328", "x")))).as("bad version").isEqualTo(LineStatus.INVALID);
    assertThat(parse(line21(content, usage, TAIL21.replace(".535Z", ".535")))).as("no offset").isEqualTo(LineStatus.INVALID);
    assertThat(parse(line21(content, usage, TAIL21 + ",\"isSidechain\":true"))).isEqualTo(LineStatus.USAGE);
    assertThat(t.flags[t.size - 1] & EntryTable.SIDECHAIN).as("the envelope's last isSidechain wins").isNotZero();
    assertThat(parse(line21(content, usage, TAIL21 + ",\"costUSD\":0.25"))).isEqualTo(LineStatus.USAGE);
    assertThat(pool.get(t.reportedCost[t.size - 1])).isEqualTo("0.25");
    // the request id before the message, not in the envelope at the end: read forward
    String early = line21(content, usage, TAIL21.replace("\"requestId\":\"req_1\",", ""))
        .replace("\"isSidechain\":false,", "\"isSidechain\":false,\"requestId\":\"req_0\",");
    assertThat(parse(early)).isEqualTo(LineStatus.USAGE);
    assertThat(pool.get(t.requestId[t.size - 1])).isEqualTo("req_0");
    // an object after the message: the envelope before it is read forward
    String object = line21(content, usage, ",\"requestId\":\"req_2\",\"extra\":{\"a\":1}" + TAIL21.replace("\"requestId\":\"req_1\",", ""));
    assertThat(parse(object)).isEqualTo(LineStatus.USAGE);
    assertThat(pool.get(t.requestId[t.size - 1])).isEqualTo("req_2");
    assertThat(parse(line21(content, usage, TAIL21) + "x")).isEqualTo(LineStatus.MALFORMED);
    assertThat(parse(line21(content, usage, TAIL21).substring(0, 200))).as("cut off").isEqualTo(LineStatus.MALFORMED);
  }

  @Test
  void linesOfOtherTypesAreRejectedByTheirType() {
    String usage = "\"message\":{\"id\":\"m\",\"model\":\"x\",\"usage\":{\"input_tokens\":1,\"output_tokens\":2}}";
    for (String type : new String[] {"user", "attachment", "api-request", "cost-state", "system"}) {
      assertThat(parse("{\"type\":\"" + type + "\",\"sessionId\":\"s\"," + usage + ",\"requestId\":\"r\",\"timestamp\":\"2026-01-02T03:04:05.678Z\"}"))
          .as(type).isEqualTo(LineStatus.NOT_USAGE);
    }
    assertThat(parse("{\"type\":\"assistant\",\"sessionId\":\"s\"," + usage + ",\"requestId\":\"r\",\"timestamp\":\"2026-01-02T03:04:05.678Z\"}"))
        .isEqualTo(LineStatus.USAGE);
  }

  @Test
  void semverPrefixes() {
    for (String ok : new String[] {"1.0.0", "2.0.14", "10.2.3-beta", "1.2.3.4"}) {
      byte[] b = ok.getBytes(StandardCharsets.US_ASCII);
      assertThat(ClaudeLineParser.semverPrefix(b, 0, b.length)).as(ok).isTrue();
    }
    for (String bad : new String[] {"1.0", "abc", "1..2", "v1.0.0", ""}) {
      byte[] b = bad.getBytes(StandardCharsets.US_ASCII);
      assertThat(ClaudeLineParser.semverPrefix(b, 0, b.length)).as(bad).isFalse();
    }
  }
}
