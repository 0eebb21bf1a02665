package io.tokenmaxx.collect.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CodexLineParserTest {
  final CodexLineParser parser = new CodexLineParser();
  final EntryTable t = new EntryTable();
  final StringPool pool = new StringPool();
  final CodexLineParser.State st = new CodexLineParser.State();

  LineStatus parse(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return parser.parse(b, 0, b.length, t, pool, st);
  }

  static String count(String ts, String info) {
    return "{\"timestamp\":\"" + ts + "\",\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\",\"info\":" + info + "}}";
  }

  static String usage(long in, long cached, long out, long reasoning) {
    return "{\"input_tokens\":" + in + ",\"cached_input_tokens\":" + cached + ",\"output_tokens\":" + out
        + ",\"reasoning_output_tokens\":" + reasoning + ",\"total_tokens\":" + (in + out) + "}";
  }

  @Test
  void theLastUsageIsTheDeltaSplitIntoDisjointFields() {
    parse("{\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"type\":\"turn_context\",\"payload\":{\"model\":\"gpt-5.2-codex\",\"cwd\":\"/w/app\"}}");
    assertThat(parse(count("2026-01-01T00:00:01.000Z", "{\"total_token_usage\":" + usage(100, 60, 30, 10)
        + ",\"last_token_usage\":" + usage(100, 60, 30, 10) + "}"))).isEqualTo(LineStatus.USAGE);
    assertThat(t.input[0]).isEqualTo(40);
    assertThat(t.cacheRead[0]).isEqualTo(60);
    assertThat(t.output[0]).isEqualTo(20);
    assertThat(t.reasoning[0]).isEqualTo(10);
    assertThat(pool.get(t.model[0])).isEqualTo("gpt-5.2-codex");
    assertThat(pool.get(st.cwd)).isEqualTo("/w/app");
  }

  @Test
  void cumulativeTotalsAloneGiveDifferences() {
    parse(count("2026-01-01T00:00:01.000Z", "{\"total_token_usage\":" + usage(100, 60, 30, 10) + "}"));
    parse(count("2026-01-01T00:00:02.000Z", "{\"total_token_usage\":" + usage(250, 160, 50, 12) + "}"));
    assertThat(t.size).isEqualTo(2);
    assertThat(t.input[1]).isEqualTo(50);
    assertThat(t.cacheRead[1]).isEqualTo(100);
    assertThat(t.output[1]).isEqualTo(18);
    assertThat(t.reasoning[1]).isEqualTo(2);
  }

  @Test
  void aRepeatedIdenticalTotalIsTheSameCallReportedAgain() {
    String info = "{\"total_token_usage\":" + usage(100, 60, 30, 10) + ",\"last_token_usage\":" + usage(100, 60, 30, 10) + "}";
    parse(count("2026-01-01T00:00:01.000Z", info));
    assertThat(parse(count("2026-01-01T00:00:01.500Z", info))).isEqualTo(LineStatus.NOT_USAGE);
    assertThat(t.size).isEqualTo(1);
  }

  @Test
  void nullInfoAndOtherEventsAreNotUsage() {
    assertThat(parse(count("2026-01-01T00:00:01.000Z", "null"))).isEqualTo(LineStatus.NOT_USAGE);
    assertThat(parse("{\"timestamp\":\"2026-01-01T00:00:01.000Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"agent_message\",\"message\":\"x\"}}"))
        .isEqualTo(LineStatus.NOT_USAGE);
    assertThat(t.size).isZero();
  }

  @Test
  void withoutAnyModelTheFallbackIsGpt5AndFlagged() {
    parse(count("2026-01-01T00:00:01.000Z", "{\"last_token_usage\":" + usage(10, 0, 1, 0) + "}"));
    assertThat(pool.get(t.model[0])).isEqualTo("gpt-5");
    assertThat(t.flags[0] & EntryTable.FALLBACK_MODEL).isNotZero();
    parse("{\"timestamp\":\"2026-01-01T00:00:02.000Z\",\"type\":\"turn_context\",\"payload\":{\"model\":\"gpt-5-codex\"}}");
    parse(count("2026-01-01T00:00:03.000Z", "{\"last_token_usage\":" + usage(10, 0, 1, 0) + "}"));
    assertThat(pool.get(t.model[1])).isEqualTo("gpt-5-codex");
    assertThat(t.flags[1] & EntryTable.FALLBACK_MODEL).isZero();
  }

  @Test
  void infoModelNamesTheModelToo() {
    parse(count("2026-01-01T00:00:01.000Z", "{\"last_token_usage\":" + usage(10, 0, 1, 0) + ",\"model\":\"gpt-5.1-codex\"}"));
    assertThat(pool.get(t.model[0])).isEqualTo("gpt-5.1-codex");
  }

  @Test
  void codexAutoReviewMapsToTheModelOfItsDate() {
    parse("{\"timestamp\":\"2026-03-10T00:00:00.000Z\",\"type\":\"turn_context\",\"payload\":{\"model\":\"codex-auto-review\"}}");
    parse(count("2026-03-10T00:00:01.000Z", "{\"last_token_usage\":" + usage(10, 0, 1, 0) + "}"));
    assertThat(pool.get(t.model[0])).isEqualTo("gpt-5.4");
    assertThat(t.flags[0] & EntryTable.FALLBACK_MODEL).isNotZero();
  }

  @Test
  void cachedInputNeverExceedsInputAndNumericTimestampsWork() {
    parse("{\"timestamp\":1767225600,\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\",\"info\":{\"last_token_usage\":"
        + "{\"input_tokens\":10,\"cached_input_tokens\":50,\"output_tokens\":1}}}}");
    assertThat(t.input[0]).isZero();
    assertThat(t.cacheRead[0]).isEqualTo(10);
    assertThat(t.timestamp[0]).isEqualTo(1_767_225_600_000L);
  }

  @Test
  void tornLinesAreMalformed() {
    assertThat(parse(count("2026-01-01T00:00:01.000Z", "{\"last_token_usage\":{\"input_tokens\":1").substring(0, 90)))
        .isEqualTo(LineStatus.MALFORMED);
  }

  /**
   * Codex 0.169 writes each call's usage in a token_usage_record line too (with the turn's and
   * the thread's running totals): never counted, and it must not disturb the totals that the
   * token_count events are compared with.
   */
  @Test
  void usageRecordsAndOtherEventsAreRejectedByTheirType() {
    String u = usage(100, 60, 30, 10);
    assertThat(parse("{\"timestamp\":\"2026-01-01T00:00:01.000Z\",\"ordinal\":13,\"type\":\"token_usage_record\",\"payload\":{"
        + "\"usage\":" + u + ",\"thread_token_usage\":" + usage(900, 600, 300, 100) + ",\"info\":{\"total_token_usage\":" + u + "}}}"))
        .isEqualTo(LineStatus.NOT_USAGE);
    assertThat(parse("{\"timestamp\":\"2026-01-01T00:00:01.000Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"item_completed\","
        + "\"item\":{\"type\":\"AgentMessage\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]},\"info\":{\"total_token_usage\":" + u + "}}}"))
        .isEqualTo(LineStatus.NOT_USAGE);
    assertThat(st.hasPreviousTotal).isFalse();
    assertThat(parse(count("2026-01-01T00:00:02.000Z", "{\"total_token_usage\":" + u + ",\"last_token_usage\":" + u + "}")))
        .isEqualTo(LineStatus.USAGE);
    assertThat(t.size).isEqualTo(1);
  }
}
