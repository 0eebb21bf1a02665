package io.tokenmaxx.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.Sources;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.pipeline.RecordBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RecordJsonTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
  final RecordJson json = new RecordJson(CLOCK);

  static ParsedBatch read(RecordJson j, String body, boolean ndjson) throws Exception {
    var in = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    return ndjson ? j.readNdjson(in) : j.readJson(in);
  }

  static UsageRecord randomUsage(Random r, int i) {
    return UsageRecord.builder()
        .id("u-" + i + "-" + Long.toHexString(r.nextLong()))
        .timestamp(Instant.parse("2026-01-01T00:00:00Z").plusMillis(r.nextLong(300L * 86_400_000)))
        .source(Sources.INGEST)
        .tool(List.of("claude-code", "codex", "api").get(r.nextInt(3)))
        .provider(r.nextBoolean() ? "anthropic" : null)
        .model(r.nextBoolean() ? "claude-sonnet-4-6" : "gpt-5.1")
        .identity(r.nextBoolean() ? RawIdentity.email("p" + r.nextInt(50) + "@example.com")
            : new RawIdentity(RawIdentity.Kind.ACCOUNT_UUID, "acc-" + r.nextInt(50)))
        .sessionId(r.nextBoolean() ? "s" + r.nextInt(100) : null)
        .project(r.nextBoolean() ? "proj \"quoted\" ü" : null)
        .inputTokens(r.nextInt(100_000))
        .outputTokens(r.nextInt(10_000))
        .cacheReadTokens(r.nextInt(1_000_000))
        .cacheWrite5mTokens(r.nextInt(10_000))
        .cacheWrite1hTokens(r.nextInt(3) == 0 ? r.nextInt(10_000) : 0)
        .reasoningTokens(r.nextInt(3) == 0 ? r.nextInt(5_000) : 0)
        .requests(1 + r.nextInt(3))
        .reportedCost(r.nextBoolean() ? new BigDecimal(r.nextInt(100_000)).movePointLeft(5) : null)
        .latencyMs(r.nextBoolean() ? (long) r.nextInt(60_000) : null)
        .status(r.nextInt(10) == 0 ? UsageRecord.STATUS_ERROR : UsageRecord.STATUS_OK)
        .promptHash(r.nextBoolean() ? Long.toHexString(r.nextLong()) : null)
        .build();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 20261123})
  void ndjsonRoundTripsEveryField(long seed) throws Exception {
    Random r = new Random(seed);
    List<UsageRecord> usage = new ArrayList<>();
    for (int i = 0; i < 200; i++) usage.add(randomUsage(r, i));
    List<OutcomeRecord> outcomes = List.of(new OutcomeRecord("o1", Instant.parse("2026-11-01T00:00:00Z"),
        Sources.INGEST, "claude-code", OutcomeKind.LINES_ADDED, 120, null,
        new RawIdentity(RawIdentity.Kind.GIT_EMAIL, "a@b.c"), "s1", "p", "java"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RecordJson.writeNdjson(new RecordBatch(usage, outcomes), out);
    ParsedBatch back = read(json, out.toString(StandardCharsets.UTF_8), true);
    assertThat(back.errors()).isEmpty();
    assertThat(back.warnings()).isEmpty();
    assertThat(back.records().usage()).isEqualTo(usage);
    assertThat(back.records().outcomes()).isEqualTo(outcomes);
  }

  @ParameterizedTest
  @ValueSource(longs = {5, 6})
  void exportRoundTripsWhatTheServerAddedButIngestIgnoresIt(long seed) throws Exception {
    Random r = new Random(seed);
    List<UsageRecord> stored = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      UsageRecord u = randomUsage(r, i);
      stored.add(u.toBuilder().source(i % 2 == 0 ? "local-log" : "otlp").person("p" + (i % 5))
          .computedCost(i % 7 == 0 ? null : new BigDecimal(r.nextInt(1_000_000)).movePointLeft(9))
          .priceRef(i % 7 == 0 ? null : "litellm:claude-sonnet-4-6").build());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RecordJson.writeExport(stored, out);
    String body = out.toString(StandardCharsets.UTF_8);
    assertThat(RecordJson.exportReader(CLOCK).readNdjson(new ByteArrayInputStream(out.toByteArray()))
        .records().usage()).isEqualTo(stored);
    // the same body posted as ingest cannot set a person, a price or a source
    ParsedBatch asIngest = read(json, body, true);
    assertThat(asIngest.records().usage()).allSatisfy(u -> {
      assertThat(u.person()).isNull();
      assertThat(u.computedCost()).isNull();
      assertThat(u.source()).isEqualTo(Sources.INGEST);
    });
    assertThat(asIngest.warnings()).anyMatch(w -> w.contains("'computedCost'"));
  }

  @Test
  void jsonDocumentAndBareArrayAreAccepted() throws Exception {
    String item = "{\"id\":\"a\",\"timestamp\":\"2026-11-01T10:00:00+02:00\",\"tool\":\"api\",\"inputTokens\":5}";
    ParsedBatch doc = read(json, "{\"usage\":[" + item + "],\"outcomes\":[{\"id\":\"o\",\"timestamp\":1700000000000,\"kind\":\"commit\",\"value\":2}]}", false);
    assertThat(doc.errors()).isEmpty();
    assertThat(doc.records().usage().getFirst().timestamp()).isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
    assertThat(doc.records().outcomes().getFirst().kind()).isEqualTo(OutcomeKind.COMMIT);
    ParsedBatch arr = read(json, "[" + item + "]", false);
    assertThat(arr.records().usage()).hasSize(1);
  }

  @Test
  void badItemsAreRefusedOneByOneNamingTheFieldAndGoodOnesKept() throws Exception {
    String body = String.join("\n",
        "{\"id\":\"good\",\"timestamp\":\"2026-11-01T00:00:00Z\",\"tool\":\"api\",\"outputTokens\":3,\"extra\":1}",
        "{\"id\":\"neg\",\"timestamp\":\"2026-11-01T00:00:00Z\",\"tool\":\"api\",\"inputTokens\":-5}",
        "{\"id\":\"big\",\"timestamp\":\"2026-11-01T00:00:00Z\",\"tool\":\"api\",\"inputTokens\":99999999999999999999999}",
        "{\"id\":\"str\",\"timestamp\":\"2026-11-01T00:00:00Z\",\"tool\":\"api\",\"inputTokens\":\"12\"}",
        "{\"id\":\"frac\",\"timestamp\":\"2026-11-01T00:00:00Z\",\"tool\":\"api\",\"inputTokens\":1.5}",
        "{\"timestamp\":\"2026-11-01T00:00:00Z\",\"tool\":\"api\",\"inputTokens\":1}",
        "{\"id\":\"when\",\"timestamp\":\"yesterday\",\"tool\":\"api\",\"inputTokens\":1}",
        "{\"id\":\"future\",\"timestamp\":\"2027-01-01T00:00:00Z\",\"tool\":\"api\",\"inputTokens\":1}",
        "{\"id\":\"who\",\"timestamp\":\"2026-11-01T00:00:00Z\",\"tool\":\"api\",\"inputTokens\":1,\"identity\":\"nobody\"}",
        "{not json",
        "[1,2]",
        "{\"type\":\"outcome\",\"id\":\"o\",\"timestamp\":\"2026-11-01T00:00:00Z\",\"kind\":\"tea\",\"value\":1}");
    ParsedBatch b = read(json, body, true);
    assertThat(b.records().usage()).extracting(UsageRecord::id).containsExactly("good");
    assertThat(b.warnings()).containsExactly("item 0: ignored unknown field 'extra'");
    assertThat(b.errors()).extracting(ItemError::toString).containsExactly(
        "item 1 (id neg), field 'inputTokens': must not be negative, was -5",
        "item 2 (id big), field 'inputTokens': overflows: 99999999999999999999999",
        "item 3 (id str), field 'inputTokens': must be a whole number, was \"12\"",
        "item 4 (id frac), field 'inputTokens': must be a whole number, was 1.5",
        "item 5, field 'id': is required",
        "item 6 (id when), field 'timestamp': 'yesterday' is not an ISO-8601 timestamp with offset (e.g. 2026-11-23T10:15:30Z)",
        "item 7 (id future), field 'timestamp': 2027-01-01T00:00:00Z is in the future",
        "item 8 (id who), field 'identity': identity 'nobody' is not kind:value (kinds: [email, account_uuid, user_id, organization_id, api_key, git_email, host_user, person_id]) nor an e-mail",
        "item 9: invalid JSON: Unexpected character ('n' (code 110)): was expecting double-quote to start field name",
        "item 10: must be a JSON object, was ARRAY",
        "item 11 (id o), field 'kind': unknown outcome kind 'tea', expected one of [commit, pull_request, lines_added, lines_removed, edit_accepted, edit_rejected, active_seconds_user, active_seconds_cli, session]");
  }

  /**
   * Numbers at the edges: a cost more precise than the store keeps is rounded (never refused);
   * what is no cost or no count at all (NaN as text, a negative, a huge exponent, more than a
   * million dollars in one record) is refused for that item only, and so is text a store cannot
   * keep. Huge exponents are answered at once, without expanding their digits.
   */
  @Test
  void edgeNumbersAreRoundedOrRefusedItemByItem() throws Exception {
    String t = "\"timestamp\":\"2026-11-01T00:00:00Z\",\"tool\":\"claude-code\"";
    String body = String.join("\n",
        "{\"id\":\"noisy\"," + t + ",\"inputTokens\":12,\"reportedCost\":0.0011159999999999998}",
        "{\"id\":\"text\"," + t + ",\"inputTokens\":12,\"reportedCost\":\"0.00111599999999999981234\"}",
        "{\"id\":\"tiny\"," + t + ",\"inputTokens\":1,\"reportedCost\":1e-999999999}",
        "{\"id\":\"nan\"," + t + ",\"inputTokens\":1,\"reportedCost\":\"NaN\"}",
        "{\"id\":\"negative\"," + t + ",\"inputTokens\":1,\"reportedCost\":-0.01}",
        "{\"id\":\"huge\"," + t + ",\"inputTokens\":1,\"reportedCost\":1e999999999}",
        "{\"id\":\"hugeCount\"," + t + ",\"inputTokens\":1e999999999}",
        "{\"id\":\"tinyCount\"," + t + ",\"inputTokens\":1e-999999999}",
        "{\"id\":\"nul\"," + t + ",\"inputTokens\":1,\"model\":\"a\\u0000b\"}");
    ParsedBatch b = read(json, body, true);
    assertThat(b.records().usage()).extracting(UsageRecord::id).containsExactly("noisy", "text", "tiny");
    assertThat(b.records().usage()).extracting(UsageRecord::reportedCost).containsExactly(
        new BigDecimal("0.001116"), new BigDecimal("0.001116"), BigDecimal.ZERO);
    assertThat(b.errors()).extracting(ItemError::toString).containsExactly(
        "item 3 (id nan), field 'reportedCost': 'NaN' is not a number",
        "item 4 (id negative), field 'reportedCost': must not be negative, was -0.01",
        "item 5 (id huge), field 'reportedCost': is implausibly large for one record: 1E+999999999",
        "item 6 (id hugeCount), field 'inputTokens': must be a whole number, was 1E+999999999",
        "item 7 (id tinyCount), field 'inputTokens': must be a whole number, was 1E-999999999",
        "item 8 (id nul), field 'model': contains a NUL character at index 1");
  }

  @Test
  void anUnreadableDocumentIsRefusedWholeWithWhere() {
    assertThatThrownBy(() -> read(json, "{\"usage\": [ {\"id\": ", false))
        .isInstanceOf(WireFormatException.class).hasMessageContaining("invalid JSON at line 1");
    assertThatThrownBy(() -> read(json, "42", false))
        .isInstanceOf(WireFormatException.class).hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> read(json, "{\"usage\": 3}", false))
        .isInstanceOf(WireFormatException.class).hasMessageContaining("'usage' must be an array");
  }
}
