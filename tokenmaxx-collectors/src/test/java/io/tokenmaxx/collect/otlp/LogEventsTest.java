package io.tokenmaxx.collect.otlp;

import static io.tokenmaxx.collect.otlp.Otlp.kv;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.resource.v1.Resource;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.Sources;
import io.tokenmaxx.model.Tools;
import io.tokenmaxx.model.UsageRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogEventsTest {
  static final Instant T0 = Instant.parse("2025-06-02T09:00:00Z");
  final OtlpDecoder decoder = OtlpDecoder.builder().clock(new MutableClock(T0.plusSeconds(600)))
      .build();

  OtlpBatch decode(ExportLogsServiceRequest request) throws OtlpDecodeException {
    return decoder.decode(Signal.LOGS, request.toByteArray(), ContentType.PROTOBUF, false);
  }

  @Test
  void claudeCodeApiRequestBecomesOneRecord() throws Exception {
    Resource r = Otlp.resource(kv("service.name", "claude-code"), kv("team", "core"));
    OtlpBatch batch = decode(Otlp.logs(r, Otlp.event("claude_code.api_request", T0,
        kv("event.name", "api_request"), kv("event.timestamp", "2025-06-02T08:59:59.250Z"),
        kv("event.sequence", 4L), kv("session.id", "sess-1"), kv("prompt.id", "p-1"),
        kv("user.email", "Ann@Example.com"), kv("user.account_uuid", "acc-1"),
        kv("organization.id", "org-1"), kv("model", "claude-opus-4-1"),
        kv("input_tokens", "12"), kv("output_tokens", "345"), kv("cache_read_tokens", 6789L),
        kv("cache_creation_tokens", 1011L), kv("cost_usd", 0.4321), kv("duration_ms", "2500"))
        .toBuilder().setTimeUnixNano(0).build())); // without its own time: event.timestamp
    assertThat(batch.usage()).singleElement().satisfies(u -> {
      assertThat(u.id()).startsWith(RecordIds.LOG_USAGE_PREFIX);
      assertThat(u.timestamp()).isEqualTo(Instant.parse("2025-06-02T08:59:59.250Z"));
      assertThat(u.source()).isEqualTo(Sources.OTLP);
      assertThat(u.tool()).isEqualTo(Tools.CLAUDE_CODE);
      assertThat(u.provider()).isEqualTo("anthropic");
      assertThat(u.model()).isEqualTo("claude-opus-4-1");
      assertThat(u.identity()).isEqualTo(RawIdentity.email("ann@example.com"));
      assertThat(u.sessionId()).isEqualTo("sess-1");
      assertThat(u.inputTokens()).isEqualTo(12);
      assertThat(u.outputTokens()).isEqualTo(345);
      assertThat(u.cacheReadTokens()).isEqualTo(6789);
      assertThat(u.cacheWrite5mTokens()).isEqualTo(1011);
      assertThat(u.reportedCost()).isEqualByComparingTo("0.4321");
      assertThat(u.latencyMs()).isEqualTo(2500);
      assertThat(u.requests()).isEqualTo(1);
    });
    assertThat(batch.identities()).singleElement().satisfies(i -> {
      assertThat(i.identities()).containsExactly(RawIdentity.email("ann@example.com"),
          new RawIdentity(RawIdentity.Kind.ACCOUNT_UUID, "acc-1"),
          new RawIdentity(RawIdentity.Kind.ORGANIZATION_ID, "org-1"));
      assertThat(i.attributes()).containsExactly(java.util.Map.entry("team", "core"));
    });
  }

  /**
   * Claude Code computes costs in JavaScript doubles: 12 input, 7 output, 2,000 cache-read and 100
   * cache-write tokens on claude-sonnet-4-5 come as 0.0011159999999999998. The record is kept with
   * the cost rounded half-even to 18 places; a cost that is no cost at all is left out (with a
   * warning in the response) and the tokens kept.
   */
  @Test
  void impreciseCostsAreRoundedAndAbsurdOnesLeftOutWithTheTokensKept() throws Exception {
    Resource r = Otlp.resource(kv("service.name", "claude-code"));
    OtlpBatch batch = decode(Otlp.logs(r,
        Otlp.event("claude_code.api_request", T0, kv("session.id", "s"), kv("event.sequence", 1L),
            kv("model", "claude-sonnet-4-5"), kv("input_tokens", 12L), kv("output_tokens", 7L),
            kv("cache_read_tokens", 2000L), kv("cache_creation_tokens", 100L),
            kv("cost_usd", 0.0011159999999999998)),
        Otlp.event("claude_code.api_request", T0, kv("session.id", "s"), kv("event.sequence", 2L),
            kv("input_tokens", 5L), kv("output_tokens", 1L), kv("cost_usd", Double.POSITIVE_INFINITY)),
        Otlp.event("claude_code.api_request", T0, kv("session.id", "s"), kv("event.sequence", 3L),
            kv("input_tokens", 6L), kv("output_tokens", 1L), kv("cost_usd_micros", 1116L))));
    assertThat(batch.rejected()).isZero();
    assertThat(batch.usage()).extracting(UsageRecord::inputTokens).containsExactly(12L, 5L, 6L);
    assertThat(batch.usage().get(0).reportedCost()).isEqualTo(new java.math.BigDecimal("0.001116"));
    assertThat(batch.usage().get(1).reportedCost()).isNull();
    assertThat(batch.usage().get(2).reportedCost()).isEqualTo(new java.math.BigDecimal("0.001116"));
    assertThat(batch.errorMessage()).contains("log record 1 (claude_code.api_request) kept without its"
        + " reported cost: attribute 'cost_usd' is not a finite number (Infinity)");
  }

  @Test
  void eventIdsAreStableAcrossRetriesAndDistinctPerEvent() throws Exception {
    Resource r = Otlp.resource(kv("service.name", "claude-code"));
    LogRecord first = Otlp.event("claude_code.api_request", T0, kv("session.id", "s"),
        kv("event.sequence", 1L), kv("input_tokens", 1L), kv("output_tokens", 1L));
    LogRecord second = Otlp.event("claude_code.api_request", T0, kv("session.id", "s"),
        kv("event.sequence", 2L), kv("input_tokens", 1L), kv("output_tokens", 1L));
    OtlpBatch a = decode(Otlp.logs(r, first, second));
    OtlpBatch b = decode(Otlp.logs(r, first, second));
    assertThat(a.usage()).isEqualTo(b.usage());
    assertThat(a.usage()).extracting(UsageRecord::id).doesNotHaveDuplicates();
  }

  /**
   * A failed request is a record without tokens; a prompt is one only when its text came (kept as
   * a hash): without text, or with the placeholder agents send instead of it, it carries nothing.
   */
  @Test
  void apiErrorsAndPromptsWithTextAreRecordsWithoutTokens() throws Exception {
    Resource r = Otlp.resource(kv("service.name", "claude-code"));
    OtlpBatch batch = decode(Otlp.logs(r,
        Otlp.event("claude_code.api_error", T0, kv("event.name", "api_error"),
            kv("session.id", "s"), kv("model", "claude-sonnet-4-5"), kv("status_code", "529"),
            kv("error", "overloaded"), kv("duration_ms", 1200L)),
        Otlp.event("claude_code.user_prompt", T0.plusSeconds(1), kv("session.id", "s"),
            kv("prompt_length", 11L), kv("prompt", "fix the bug")),
        Otlp.event("claude_code.user_prompt", T0.plusSeconds(2), kv("session.id", "s"),
            kv("prompt_length", 40L)),
        Otlp.event("claude_code.user_prompt", T0.plusSeconds(3), kv("session.id", "s"),
            kv("prompt_length", 9L), kv("prompt", "<REDACTED>")),
        Otlp.event("claude_code.tool_result", T0, kv("tool_name", "Bash"))));
    assertThat(batch.usage()).hasSize(2);
    assertThat(batch.usage().get(0)).satisfies(u -> {
      assertThat(u.status()).isEqualTo(UsageRecord.STATUS_ERROR);
      assertThat(u.requests()).isEqualTo(1);
      assertThat(u.totalTokens()).isZero();
      assertThat(u.latencyMs()).isEqualTo(1200);
    });
    assertThat(batch.usage().get(1)).satisfies(u -> {
      assertThat(u.requests()).isZero();
      assertThat(u.promptHash()).hasSize(64).isEqualTo(LogMapper.sha256("fix the bug"));
    });
    assertThat(batch.ignored()).isEqualTo(3);
    assertThat(batch.rejected()).isZero();
    assertThat(batch.retractions()).isEmpty();
  }

  /**
   * Codex 0.169 puts a source location in the record's event_name and the event's name in the
   * {@code event.name} attribute, logs each response's completion twice (without counts, then with
   * them) and sends [REDACTED] for prompts it does not log.
   */
  @Test
  void codexEventsAreNamedByTheirAttributeAndTheCountlessCompletionIgnored() throws Exception {
    Resource r = Otlp.resource(kv("service.name", "codex_exec"));
    OtlpBatch batch = decode(Otlp.logs(r,
        Otlp.event("event otel/src/events/session_telemetry.rs:1200", T0, kv("event.name", "codex.user_prompt"),
            kv("prompt_length", "9"), kv("prompt", "[REDACTED]"), kv("conversation.id", "c-2")),
        Otlp.event("event otel/src/events/session_telemetry.rs:1089", T0, kv("event.name", "codex.sse_event"),
            kv("event.kind", "response.completed"), kv("duration_ms", "0"), kv("conversation.id", "c-2")),
        Otlp.event("event otel/src/events/session_telemetry.rs:1153", T0, kv("event.name", "codex.sse_event"),
            kv("event.kind", "response.completed"), kv("input_token_count", "1200"),
            kv("output_token_count", "50"), kv("cached_token_count", "1000"),
            kv("cache_write_token_count", "0"), kv("reasoning_token_count", "20"),
            kv("tool_token_count", "1250"), kv("conversation.id", "c-2"), kv("model", "gpt-5"))));
    assertThat(batch.rejected()).isZero();
    assertThat(batch.ignored()).isEqualTo(2);
    assertThat(batch.usage()).singleElement().satisfies(u -> {
      assertThat(u.tool()).isEqualTo(Tools.CODEX);
      assertThat(u.sessionId()).isEqualTo("c-2");
      assertThat(u.inputTokens()).isEqualTo(200);
      assertThat(u.cacheReadTokens()).isEqualTo(1000);
      assertThat(u.outputTokens()).isEqualTo(30);
      assertThat(u.reasoningTokens()).isEqualTo(20);
    });
  }

  /**
   * Claude Code's cache-write total is what was billed; its TTL split places the 1-hour part, and
   * whatever the split leaves out (zeros when the API sent none) is priced at the 5-minute rate.
   */
  @Test
  void claudeCacheWritesKeepTheirTotalAndThe1HourPartOfTheSplit() throws Exception {
    Resource r = Otlp.resource(kv("service.name", "claude-code"));
    OtlpBatch batch = decode(Otlp.logs(r,
        Otlp.event("claude_code.api_request", T0, kv("session.id", "s"), kv("event.sequence", 1L),
            kv("input_tokens", 1L), kv("output_tokens", 1L), kv("cache_creation_tokens", 100L),
            kv("cache_creation_5m_tokens", 0L), kv("cache_creation_1h_tokens", 0L)),
        Otlp.event("claude_code.api_request", T0, kv("session.id", "s"), kv("event.sequence", 2L),
            kv("input_tokens", 1L), kv("output_tokens", 1L), kv("cache_creation_tokens", 500L),
            kv("cache_creation_5m_tokens", 300L), kv("cache_creation_1h_tokens", 200L)),
        Otlp.event("claude_code.api_request", T0, kv("session.id", "s"), kv("event.sequence", 3L),
            kv("input_tokens", 1L), kv("output_tokens", 1L), kv("cache_creation_tokens", 150L),
            kv("cache_creation_5m_tokens", 0L), kv("cache_creation_1h_tokens", 400L))));
    assertThat(batch.usage()).extracting(UsageRecord::cacheWrite5mTokens).containsExactly(100L, 300L, 0L);
    assertThat(batch.usage()).extracting(UsageRecord::cacheWrite1hTokens).containsExactly(0L, 200L, 150L);
  }

  @Test
  void codexCompletedResponsesSplitCachedInputAndReasoning() throws Exception {
    Resource r = Otlp.resource(kv("service.name", "codex_cli_rs"));
    OtlpBatch batch = decode(Otlp.logs(r,
        Otlp.event(null, T0, kv("event.name", "codex.sse_event"),
            kv("event.kind", "response.output_text.delta"), kv("conversation.id", "c-1")),
        Otlp.event(null, T0.plusSeconds(1), kv("event.name", "codex.sse_event"),
            kv("event.kind", "response.completed"), kv("conversation.id", "c-1"),
            kv("event.timestamp", "2025-06-02T09:00:01Z"), kv("model", "gpt-5-codex"),
            kv("user.email", "dev@example.com"), kv("input_token_count", 12000L),
            kv("cached_token_count", 9000L), kv("output_token_count", 800L),
            kv("reasoning_token_count", 500L), kv("tool_token_count", 0L)),
        Otlp.event(null, T0.plusSeconds(2), kv("event.name", "codex.api_request"),
            kv("conversation.id", "c-1"), kv("http.response.status_code", 200L),
            kv("duration_ms", 900L)),
        Otlp.event(null, T0.plusSeconds(3), kv("event.name", "codex.api_request"),
            kv("conversation.id", "c-1"), kv("http.response.status_code", 429L),
            kv("error.message", "rate limited"), kv("duration_ms", 30L))));
    assertThat(batch.usage()).hasSize(2);
    assertThat(batch.usage().get(0)).satisfies(u -> {
      assertThat(u.tool()).isEqualTo(Tools.CODEX);
      assertThat(u.provider()).isEqualTo("openai");
      assertThat(u.sessionId()).isEqualTo("c-1");
      assertThat(u.inputTokens()).isEqualTo(3000);
      assertThat(u.cacheReadTokens()).isEqualTo(9000);
      assertThat(u.outputTokens()).isEqualTo(300);
      assertThat(u.reasoningTokens()).isEqualTo(500);
      assertThat(u.identity()).isEqualTo(RawIdentity.email("dev@example.com"));
    });
    assertThat(batch.usage().get(1).status()).isEqualTo(UsageRecord.STATUS_ERROR);
    assertThat(batch.ignored()).isEqualTo(2);
  }

  @Test
  void geminiResponsesSplitCachedInputAndAddToolTokens() throws Exception {
    Resource r = Otlp.resource(kv("service.name", "gemini-cli"));
    OtlpBatch batch = decode(Otlp.logs(r, Otlp.event(null, T0,
        kv("event.name", "gemini_cli.api_response"), kv("session.id", "g"),
        kv("model", "gemini-2.5-pro"), kv("input_token_count", 5000L),
        kv("cached_content_token_count", 3000L), kv("output_token_count", 200L),
        kv("thoughts_token_count", 150L), kv("tool_token_count", 40L),
        kv("status_code", "500"), kv("prompt_id", "p"))));
    assertThat(batch.usage()).singleElement().satisfies(u -> {
      assertThat(u.inputTokens()).isEqualTo(2040);
      assertThat(u.cacheReadTokens()).isEqualTo(3000);
      assertThat(u.outputTokens()).isEqualTo(200);
      assertThat(u.reasoningTokens()).isEqualTo(150);
      assertThat(u.status()).isEqualTo(UsageRecord.STATUS_ERROR);
      assertThat(u.provider()).isEqualTo("google");
    });
  }

  @Test
  void eventNameComesFromEventNameFieldAttributeBodyOrScope() {
    Resource plain = Otlp.resource();
    ResourceContext rc = new ResourceContext(plain, 1024);
    ResourceContext claude = new ResourceContext(Otlp.resource(kv("service.name",
        "claude-code")), 1024);
    LogRecord withField = LogRecord.newBuilder().setEventName("codex.sse_event").build();
    LogRecord shortName = Otlp.event(null, T0, kv("event.name", "api_request"));
    assertThat(LogMapper.eventName(item(withField), rc, "x"))
        .isEqualTo("codex.sse_event");
    assertThat(LogMapper.eventName(item(shortName), claude, "x"))
        .isEqualTo("claude_code.api_request");
    assertThat(LogMapper.eventName(item(shortName), rc,
        "com.anthropic.claude_code.events")).isEqualTo("claude_code.api_request");
    assertThat(LogMapper.eventName(item(shortName), rc, "x"))
        .isEqualTo("api_request");
  }

  static LogItem item(LogRecord record) {
    return LogItem.of(record, null, 1024);
  }

  /**
   * Log-event ids lead with the event's time from the cut-over instant on (so the store's key index
   * takes them in order) and keep the digest-only shape of earlier versions before it, so a re-sent
   * export finds the copy stored before an upgrade. The digest is the same in both.
   */
  @Test
  void logEventIdsLeadWithTheirTimeFromTheCutOverOn() throws Exception {
    Resource r = Otlp.resource(kv("service.name", "claude-code"));
    ExportLogsServiceRequest request = Otlp.logs(r,
        Otlp.event("claude_code.api_request", T0.minusSeconds(60), kv("event.name", "api_request"),
            kv("session.id", "s"), kv("model", "claude-opus-4-1"), kv("input_tokens", 1L), kv("output_tokens", 1L)),
        Otlp.event("claude_code.api_request", T0.plusMillis(1500), kv("event.name", "api_request"),
            kv("session.id", "s"), kv("model", "claude-opus-4-1"), kv("input_tokens", 2L), kv("output_tokens", 1L)));
    OtlpDecoder cutOver = OtlpDecoder.builder().clock(new MutableClock(T0.plusSeconds(600))).timedIdsSince(T0).build();
    OtlpBatch split = cutOver.decode(Signal.LOGS, request.toByteArray(), ContentType.PROTOBUF, false);
    OtlpBatch allTimed = decode(request);
    assertThat(split.usage()).as("%s", split).hasSize(2);
    OtlpBatch again = cutOver.decode(Signal.LOGS, request.toByteArray(), ContentType.PROTOBUF, false);

    String before = split.usage().get(0).id();
    String after = split.usage().get(1).id();
    assertThat(before).matches("otlp:l:[0-9a-f]{32}"); // as earlier versions stored it
    assertThat(after).isEqualTo("otlp:l:" + String.format("%010x", T0.getEpochSecond() + 1) + ":" + after.substring(18))
        .matches("otlp:l:[0-9a-f]{10}:[0-9a-f]{32}");
    assertThat(allTimed.usage().get(0).id()).endsWith(before.substring(7)).hasSize(7 + 11 + 32);
    assertThat(allTimed.usage().get(1).id()).isEqualTo(after);
    assertThat(again.usage()).extracting(UsageRecord::id).containsExactly(before, after); // retries get the same ids
    assertThat(after.compareTo(RecordIds.logUsageId(T0.plusSeconds(2), T0, "0".repeat(32)))).isNegative();
  }
}
