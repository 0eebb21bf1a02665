package io.tokenmaxx.collect.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.tokenmaxx.collect.otlp.SdkExporters.Encoding;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Emits what Claude Code emits, through the OpenTelemetry SDK: the {@code claude_code.*} counters
 * with the standard attributes, and {@code claude_code.api_request} / {@code user_prompt} log
 * events (numbers partly as strings, as Claude Code sends them). Exports happen only on
 * {@link #flushMetrics()} / {@link #flushLogs()}, so a test controls the intervals.
 */
public final class SimulatedClaudeCode implements AutoCloseable {
  static final Resource RESOURCE = Resource.empty().merge(Resource.create(Attributes.builder()
      .put("service.name", "claude-code").put("service.version", "2.1.0")
      .put("os.type", "linux").put("department", "platform").put("team", "tokens")
      .put("cost_center", "cc-42").build()));

  private final String endpoint;
  private final Encoding encoding;
  private final boolean gzip;
  private final AggregationTemporalitySelector temporality;
  private SdkMeterProvider meters;
  private final SdkLoggerProvider logs;
  private final Logger events;
  private final FlushUntil.Logs logExporter;
  private long emitted;
  private LongCounter tokens;
  private DoubleCounter cost;
  private LongCounter lines;
  private LongCounter commits;
  private LongCounter pullRequests;
  private DoubleCounter activeTime;
  private LongCounter editDecisions;
  private LongCounter sessions;
  private long sequence;

  public SimulatedClaudeCode(String endpoint, Encoding encoding, boolean gzip,
      AggregationTemporalitySelector temporality) {
    this.endpoint = endpoint;
    this.encoding = encoding;
    this.gzip = gzip;
    this.temporality = temporality;
    startMeters();
    logExporter = new FlushUntil.Logs(SdkExporters.logs(endpoint, encoding, gzip));
    logs = SdkLoggerProvider.builder().setResource(RESOURCE)
        .addLogRecordProcessor(BatchLogRecordProcessor.builder(logExporter)
            .setScheduleDelay(Duration.ofHours(1)).build())
        .build();
    events = logs.get("com.anthropic.claude_code.events");
  }

  /** A fresh meter provider: what a restarted Claude Code process has (new start time). */
  public void restartMeters() {
    meters.shutdown().join(10, TimeUnit.SECONDS);
    startMeters();
  }

  private void startMeters() {
    meters = SdkMeterProvider.builder().setResource(RESOURCE)
        .registerMetricReader(PeriodicMetricReader.builder(
            SdkExporters.metrics(endpoint, encoding, gzip, temporality))
            .setInterval(Duration.ofHours(1)).build())
        .build();
    Meter m = meters.get("com.anthropic.claude_code");
    tokens = m.counterBuilder("claude_code.token.usage").setUnit("tokens").build();
    cost = m.counterBuilder("claude_code.cost.usage").setUnit("USD").ofDoubles().build();
    lines = m.counterBuilder("claude_code.lines_of_code.count").build();
    commits = m.counterBuilder("claude_code.commit.count").build();
    pullRequests = m.counterBuilder("claude_code.pull_request.count").build();
    activeTime = m.counterBuilder("claude_code.active_time.total").setUnit("s").ofDoubles()
        .build();
    editDecisions = m.counterBuilder("claude_code.code_edit_tool.decision").build();
    sessions = m.counterBuilder("claude_code.session.count").build();
  }

  public static AttributesBuilder standard(String session, String email) {
    return Attributes.builder()
        .put("session.id", session)
        .put("user.account_uuid", "acct-" + email.hashCode())
        .put("organization.id", "org-1")
        .put("user.email", email)
        .put("user.id", "install-" + Math.abs(email.hashCode()))
        .put("app.version", "2.1.0")
        .put("terminal.type", "vscode");
  }

  /** One API request, reported as metrics and/or as an api_request log event. */
  public void request(String session, String email, String model, long input, long output,
      long cacheRead, long cacheCreation, BigDecimal usd, boolean asMetrics, boolean asLog) {
    if (asMetrics) {
      Attributes base = standard(session, email).put("model", model).build();
      tokens.add(input, base.toBuilder().put("type", "input").build());
      tokens.add(output, base.toBuilder().put("type", "output").build());
      tokens.add(cacheRead, base.toBuilder().put("type", "cacheRead").build());
      tokens.add(cacheCreation, base.toBuilder().put("type", "cacheCreation").build());
      cost.add(usd.doubleValue(), base);
    }
    if (asLog) {
      long seq = ++sequence;
      Instant now = Instant.now();
      emitted++;
      events.logRecordBuilder()
          .setBody("claude_code.api_request")
          .setTimestamp(now)
          .setAllAttributes(standard(session, email)
              .put("event.name", "api_request")
              .put("event.timestamp", now.toString())
              .put("event.sequence", seq)
              .put("prompt.id", "prompt-" + seq)
              .put("model", model)
              .put("input_tokens", Long.toString(input))
              .put("output_tokens", output)
              .put("cache_read_tokens", Long.toString(cacheRead))
              .put("cache_creation_tokens", cacheCreation)
              .put("cost_usd", usd.toPlainString())
              .put("duration_ms", 1500L)
              .build())
          .emit();
    }
  }

  public void prompt(String session, String email, String text) {
    long seq = ++sequence;
    Instant now = Instant.now();
    emitted++;
    events.logRecordBuilder()
        .setBody("claude_code.user_prompt")
        .setTimestamp(now)
        .setAllAttributes(standard(session, email)
            .put("event.name", "user_prompt")
            .put("event.timestamp", now.toString())
            .put("event.sequence", seq)
            .put("prompt_length", text.length())
            .put("prompt", text)
            .build())
        .emit();
  }

  public void outcomes(String session, String email, long added, long removed, long commitCount,
      long prs, double userSeconds, double cliSeconds, long accepted, long rejected) {
    Attributes base = standard(session, email).build();
    lines.add(added, base.toBuilder().put("type", "added").build());
    lines.add(removed, base.toBuilder().put("type", "removed").build());
    commits.add(commitCount, base);
    pullRequests.add(prs, base);
    activeTime.add(userSeconds, base.toBuilder().put("type", "user").build());
    activeTime.add(cliSeconds, base.toBuilder().put("type", "cli").build());
    Attributes edit = base.toBuilder().put("tool_name", "Edit").put("language", "Java").build();
    editDecisions.add(accepted, edit.toBuilder().put("decision", "accept").build());
    editDecisions.add(rejected, edit.toBuilder().put("decision", "reject").build());
  }

  public void sessionStarted(String session, String email) {
    sessions.add(1, standard(session, email).build());
  }

  public void flushMetrics() {
    ok(meters.forceFlush());
  }

  public void flushLogs() {
    FlushUntil.flush(logs::forceFlush, logExporter.exported, emitted);
  }

  public static void ok(CompletableResultCode result) {
    assertThat(result.join(20, TimeUnit.SECONDS).isSuccess()).as("export succeeded").isTrue();
  }

  @Override
  public void close() {
    meters.shutdown().join(10, TimeUnit.SECONDS);
    logs.shutdown().join(10, TimeUnit.SECONDS);
  }

  static AttributeKey<String> key(String name) {
    return AttributeKey.stringKey(name);
  }
}
