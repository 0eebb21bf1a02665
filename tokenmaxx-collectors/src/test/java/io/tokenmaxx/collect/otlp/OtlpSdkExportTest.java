package io.tokenmaxx.collect.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.tokenmaxx.collect.otlp.CaptureServer.Exchange;
import io.tokenmaxx.collect.otlp.RecordingStore.Totals;
import io.tokenmaxx.collect.otlp.SdkExporters.Encoding;
import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.Tools;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end with the real client: the OpenTelemetry Java SDK exports Claude-Code-shaped metrics
 * and log events, GenAI token histograms and GenAI spans over OTLP/HTTP (protobuf and JSON, gzip
 * on and off, delta and cumulative temporality, several export intervals and an exporter
 * restart) to a capture server that decodes with {@link OtlpDecoder}; the stored totals must be
 * exactly what was recorded, each token counted once, and replaying every request must change
 * nothing.
 */
class OtlpSdkExportTest {

  enum Temporality {
    DELTA(AggregationTemporalitySelector.deltaPreferred()),
    CUMULATIVE(AggregationTemporalitySelector.alwaysCumulative());

    final AggregationTemporalitySelector selector;

    Temporality(AggregationTemporalitySelector selector) {
      this.selector = selector;
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    for (Encoding e : Encoding.values()) {
      for (boolean gzip : new boolean[] {false, true}) {
        for (Temporality t : Temporality.values()) all.add(Arguments.of(e, gzip, t));
      }
    }
    return all.stream();
  }

  /** What was recorded, summed the way the store must end up. */
  private static final class Expected {
    long input;
    long output;
    long cacheRead;
    long cacheWrite;
    long reasoning;
    long requests;
    BigDecimal cost = BigDecimal.ZERO;

    Totals totals() {
      return new Totals(input, output, cacheRead, cacheWrite, reasoning, requests,
          cost.stripTrailingZeros());
    }
  }

  private static OtlpDecoder decoder() {
    // Tracking began a little before the SDKs start, so their cumulative series count from zero.
    return OtlpDecoder.builder().clock(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-5)))
        .build();
  }

  @ParameterizedTest(name = "{0} gzip={1} {2}")
  @MethodSource("cases")
  void claudeCodeMetricsAndLogEventsCountEachTokenOnce(Encoding encoding, boolean gzip,
      Temporality temporality) throws Exception {
    RecordingStore store = new RecordingStore();
    OtlpDecoder decoder = decoder();
    Random random = new Random(7);
    Expected cc = new Expected();
    double[] outcomes = new double[OutcomeKind.values().length];
    try (CaptureServer server = new CaptureServer(decoder, store);
        SimulatedClaudeCode claude = new SimulatedClaudeCode(server.endpoint(), encoding, gzip,
            temporality.selector)) {
      // Session A sends metrics and log events for the same requests, B only metrics, C only
      // log events (its user turned the metrics exporter off).
      claude.sessionStarted("A", "ann@example.com");
      claude.sessionStarted("B", "bob@example.com");
      outcomes[OutcomeKind.SESSION.ordinal()] += 2;

      // Interval 1: metrics are exported before A's log events: A's metric records are stored,
      // then retracted when its first api_request arrives.
      requests(claude, random, cc, "A", "ann@example.com", 3, true, true);
      requests(claude, random, cc, "B", "bob@example.com", 2, true, false);
      requests(claude, random, cc, "C", "cy@example.com", 2, false, true);
      outcomes(claude, random, outcomes, "A", "ann@example.com");
      claude.prompt("A", "ann@example.com", "refactor the parser please");
      claude.flushMetrics();
      claude.flushLogs();

      // Interval 2: log events first; A's metric points are then suppressed on arrival.
      requests(claude, random, cc, "A", "ann@example.com", 4, true, true);
      requests(claude, random, cc, "B", "bob@example.com", 3, true, false);
      requests(claude, random, cc, "C", "cy@example.com", 1, false, true);
      outcomes(claude, random, outcomes, "B", "bob@example.com");
      claude.flushLogs();
      claude.flushMetrics();

      // Interval 3: nothing new; a cumulative exporter sends every series again.
      claude.flushMetrics();

      // The exporter restarts (new process, new start time): counters begin again at zero.
      claude.restartMeters();
      claude.sessionStarted("B", "bob@example.com");
      outcomes[OutcomeKind.SESSION.ordinal()] += 1;
      requests(claude, random, cc, "B", "bob@example.com", 2, true, false);
      outcomes(claude, random, outcomes, "B", "bob@example.com");
      claude.flushMetrics();
      requests(claude, random, cc, "B", "bob@example.com", 1, true, false);
      claude.flushMetrics();

      assertAllAccepted(server.exchanges, encoding, gzip);
      Totals expected = cc.totals();
      assertThat(store.totals(Tools.CLAUDE_CODE)).isEqualTo(expected);
      for (OutcomeKind kind : OutcomeKind.values()) {
        assertThat(store.outcome(kind)).as(kind.label()).isEqualTo(outcomes[kind.ordinal()]);
      }
      // The first api_request of each logged session retracts its metric records (B has none).
      assertThat(store.retractions).extracting(Retraction::sessionId)
          .containsExactlyInAnyOrder("A", "C");
      // Log-derived records carry the person, the session and the prompt's hash, never its text.
      UsageRecord prompt = store.usage.values().stream().filter(u -> u.promptHash() != null)
          .findFirst().orElseThrow();
      assertThat(prompt.promptHash()).isEqualTo(LogMapper.sha256("refactor the parser please"));
      assertThat(prompt.identity()).isEqualTo(RawIdentity.email("ann@example.com"));
      assertThat(store.usage.values().toString()).doesNotContain("refactor the parser");
      List<ObservedIdentity> identities = server.exchanges.stream()
          .flatMap(x -> x.batch().identities().stream()).toList();
      assertThat(identities).anySatisfy(i -> {
        assertThat(i.identities()).startsWith(RawIdentity.email("bob@example.com"));
        assertThat(i.identities()).contains(new RawIdentity(RawIdentity.Kind.ORGANIZATION_ID,
            "org-1"));
        assertThat(i.attributes()).containsEntry("department", "platform")
            .containsEntry("cost_center", "cc-42").doesNotContainKey("os.type");
      });

      // A client retrying any request (its response was lost) changes nothing.
      replay(decoder, store, server.exchanges);
      assertThat(store.totals(Tools.CLAUDE_CODE)).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0} gzip={1} {2}")
  @MethodSource("cases")
  void genAiTokenHistogramsAndSpansAreExact(Encoding encoding, boolean gzip,
      Temporality temporality) throws Exception {
    RecordingStore store = new RecordingStore();
    OtlpDecoder decoder = decoder();
    Random random = new Random(11);
    Expected metrics = new Expected();
    Expected spans = new Expected();
    try (CaptureServer server = new CaptureServer(decoder, store)) {
      Resource chatApp = Resource.create(Attributes.builder().put("service.name", "chat-app")
          .put("team", "support").build());
      SdkMeterProvider meters = genAiMeters(server, encoding, gzip, temporality, chatApp);
      for (int interval = 0; interval < 2; interval++) {
        genAiCalls(meters, random, metrics, 3 + interval);
        SimulatedClaudeCode.ok(meters.forceFlush());
      }
      meters.shutdown().join(10, TimeUnit.SECONDS);
      SdkMeterProvider restarted = genAiMeters(server, encoding, gzip, temporality, chatApp);
      genAiCalls(restarted, random, metrics, 2);
      SimulatedClaudeCode.ok(restarted.forceFlush());
      SimulatedClaudeCode.ok(restarted.forceFlush());
      restarted.shutdown().join(10, TimeUnit.SECONDS);

      FlushUntil.Spans spanExporter = new FlushUntil.Spans(SdkExporters.spans(
          server.endpoint(), encoding, gzip));
      SdkTracerProvider tracer = SdkTracerProvider.builder()
          .setResource(Resource.create(Attributes.builder().put("service.name", "rag-app")
              .build()))
          .addSpanProcessor(BatchSpanProcessor.builder(spanExporter)
              .setScheduleDelay(Duration.ofHours(1)).build())
          .build();
      for (int interval = 0; interval < 2; interval++) {
        genAiSpans(tracer.get("rag"), random, spans, 3);
        // each interval: the model-call spans and their invoke_agent parent
        FlushUntil.flush(tracer::forceFlush, spanExporter.exported, 4L * (interval + 1));
      }
      tracer.shutdown().join(10, TimeUnit.SECONDS);

      assertAllAccepted(server.exchanges, encoding, gzip);
      assertThat(Totals.of(store.usage.values().stream()
          .filter(u -> "chat-app".equals(u.project())).toList())).isEqualTo(metrics.totals());
      assertThat(Totals.of(store.usage.values().stream()
          .filter(u -> "rag-app".equals(u.project())).toList())).isEqualTo(spans.totals());
      assertThat(store.usage.values()).allSatisfy(u -> {
        assertThat(u.tool()).isEqualTo(Tools.API);
        assertThat(u.provider()).isEqualTo("openai");
        assertThat(u.model()).isEqualTo("gpt-4o-2024-08-06");
      });
      replay(decoder, store, server.exchanges);
      assertThat(Totals.of(store.usage.values())).isEqualTo(new Totals(
          metrics.input + spans.input, metrics.output + spans.output, spans.cacheRead, 0, 0,
          metrics.requests + spans.requests, BigDecimal.ZERO));
    }
  }

  private static SdkMeterProvider genAiMeters(CaptureServer server, Encoding encoding,
      boolean gzip, Temporality temporality, Resource resource) {
    return SdkMeterProvider.builder().setResource(resource)
        .registerMetricReader(PeriodicMetricReader.builder(SdkExporters.metrics(
            server.endpoint(), encoding, gzip, temporality.selector))
            .setInterval(Duration.ofHours(1)).build())
        .build();
  }

  private static void genAiCalls(SdkMeterProvider meters, Random random, Expected expected,
      int calls) {
    Meter meter = meters.get("openai-instrumentation");
    LongHistogram usage = meter.histogramBuilder("gen_ai.client.token.usage").ofLongs()
        .setUnit("{token}").build();
    DoubleHistogram duration = meter.histogramBuilder("gen_ai.client.operation.duration")
        .setUnit("s").build();
    Attributes base = Attributes.builder().put("gen_ai.operation.name", "chat")
        .put("gen_ai.provider.name", "openai").put("gen_ai.request.model", "gpt-4o")
        .put("gen_ai.response.model", "gpt-4o-2024-08-06").build();
    for (int i = 0; i < calls; i++) {
      long in = 100 + random.nextInt(5000);
      long out = 10 + random.nextInt(800);
      usage.record(in, base.toBuilder().put("gen_ai.token.type", "input").build());
      usage.record(out, base.toBuilder().put("gen_ai.token.type", "output").build());
      duration.record(0.5 + random.nextInt(4), base);
      expected.input += in;
      expected.output += out;
      expected.requests++;
    }
  }

  @SuppressWarnings("try") // the scope only makes the agent span current
  private static void genAiSpans(Tracer tracer, Random random, Expected expected, int calls) {
    Span agent = tracer.spanBuilder("invoke_agent researcher")
        .setAttribute("gen_ai.operation.name", "invoke_agent").startSpan();
    long agentIn = 0;
    try (Scope ignored = agent.makeCurrent()) {
      for (int i = 0; i < calls; i++) {
        long cached = random.nextInt(1000);
        long in = cached + 50 + random.nextInt(3000);
        long out = 5 + random.nextInt(500);
        Span span = tracer.spanBuilder("chat gpt-4o")
            .setAttribute("gen_ai.operation.name", "chat")
            .setAttribute("gen_ai.provider.name", "openai")
            .setAttribute("gen_ai.request.model", "gpt-4o")
            .setAttribute("gen_ai.response.model", "gpt-4o-2024-08-06")
            .setAttribute("gen_ai.usage.input_tokens", in)
            .setAttribute("gen_ai.usage.cache_read.input_tokens", cached)
            .setAttribute("gen_ai.usage.output_tokens", out)
            .setAttribute("enduser.id", "u-77")
            .startSpan();
        if (i == calls - 1) span.setStatus(StatusCode.ERROR);
        span.end();
        agentIn += in;
        expected.input += in - cached;
        expected.cacheRead += cached;
        expected.output += out;
        expected.requests++;
      }
    } finally {
      agent.setAttribute("gen_ai.usage.input_tokens", agentIn);
      agent.end();
    }
  }

  private static void requests(SimulatedClaudeCode claude, Random random, Expected expected,
      String session, String email, int count, boolean metrics, boolean logs) {
    for (int i = 0; i < count; i++) {
      String model = random.nextBoolean() ? "claude-sonnet-4-5" : "claude-opus-4-1";
      long input = random.nextInt(3000);
      long output = 1 + random.nextInt(2000);
      long cacheRead = random.nextInt(90_000);
      long cacheCreation = random.nextInt(10_000);
      // Multiples of 1/128 dollar add up exactly in the SDK's double counters.
      BigDecimal usd = BigDecimal.valueOf(1 + random.nextInt(64)).divide(BigDecimal.valueOf(128));
      claude.request(session, email, model, input, output, cacheRead, cacheCreation, usd,
          metrics, logs);
      expected.input += input;
      expected.output += output;
      expected.cacheRead += cacheRead;
      expected.cacheWrite += cacheCreation;
      expected.cost = expected.cost.add(usd);
      if (logs) expected.requests++;
    }
  }

  private static void outcomes(SimulatedClaudeCode claude, Random random, double[] totals,
      String session, String email) {
    long added = random.nextInt(400);
    long removed = random.nextInt(100);
    long commits = 1 + random.nextInt(3);
    long prs = random.nextInt(2);
    double user = random.nextInt(600) + 0.5;
    double cli = random.nextInt(900) + 0.25;
    long accepted = 1 + random.nextInt(9);
    long rejected = random.nextInt(3);
    claude.outcomes(session, email, added, removed, commits, prs, user, cli, accepted, rejected);
    totals[OutcomeKind.LINES_ADDED.ordinal()] += added;
    totals[OutcomeKind.LINES_REMOVED.ordinal()] += removed;
    totals[OutcomeKind.COMMIT.ordinal()] += commits;
    totals[OutcomeKind.PULL_REQUEST.ordinal()] += prs;
    totals[OutcomeKind.ACTIVE_SECONDS_USER.ordinal()] += user;
    totals[OutcomeKind.ACTIVE_SECONDS_CLI.ordinal()] += cli;
    totals[OutcomeKind.EDIT_ACCEPTED.ordinal()] += accepted;
    totals[OutcomeKind.EDIT_REJECTED.ordinal()] += rejected;
  }

  private static void assertAllAccepted(List<Exchange> exchanges, Encoding encoding,
      boolean gzip) {
    assertThat(exchanges).isNotEmpty().allSatisfy(x -> {
      assertThat(x.response().status()).as("status of %s", x.signal()).isEqualTo(200);
      assertThat(x.batch().rejected()).as("rejected in %s: %s", x.signal(), x.batch().errors())
          .isZero();
      assertThat(x.contentType()).startsWith(encoding == Encoding.JSON ? "application/json"
          : "application/x-protobuf");
      assertThat(x.contentEncoding()).isEqualTo(gzip ? "gzip" : null);
    });
  }

  /** Decodes every captured request again, as a client retrying after lost responses would. */
  private static void replay(OtlpDecoder decoder, RecordingStore store, List<Exchange> exchanges)
      throws OtlpDecodeException {
    for (Exchange x : List.copyOf(exchanges)) {
      OtlpBatch again = decoder.decode(x.signal(), x.body(), ContentType.fromHeader(
          x.contentType()), ContentType.gzipFromHeader(x.contentEncoding()));
      assertThat(again.rejected()).isZero();
      store.store(again);
      store.apply(decoder.commit(again));
    }
  }
}
