package io.tokenmaxx.collect.otlp;

import static io.tokenmaxx.collect.otlp.Otlp.CUMULATIVE;
import static io.tokenmaxx.collect.otlp.Otlp.DELTA;
import static io.tokenmaxx.collect.otlp.Otlp.kv;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CumulativeDeltasTest {
  static final Instant T0 = Instant.parse("2025-06-02T09:00:00Z");
  static final Resource CLAUDE = Otlp.resource(kv("service.name", "claude-code"));

  final MutableClock clock = new MutableClock(T0);
  final RecordingStore store = new RecordingStore();
  final OtlpDecoder decoder = OtlpDecoder.builder().clock(clock).build();

  static KeyValue[] attrs(String type) {
    return new KeyValue[] {kv("session.id", "s1"), kv("user.email", "ann@example.com"),
        kv("model", "claude-sonnet-4-5"), kv("type", type)};
  }

  static ExportMetricsServiceRequest tokens(Instant start, Instant time, long input,
      long output) {
    return Otlp.metrics(CLAUDE, Otlp.sum("claude_code.token.usage", CUMULATIVE,
        Otlp.point(start, time, input, attrs("input")),
        Otlp.point(start, time, output, attrs("output"))));
  }

  OtlpBatch post(ExportMetricsServiceRequest request) throws OtlpDecodeException {
    OtlpBatch batch = decoder.decode(Signal.METRICS, request.toByteArray(), ContentType.PROTOBUF,
        false);
    store.store(batch);
    return batch;
  }

  @Test
  void reExportedCumulativeSeriesCountsOnlyTheIncrease() throws Exception {
    Instant start = T0.plusSeconds(1);
    post(tokens(start, T0.plusSeconds(60), 100, 10));
    post(tokens(start, T0.plusSeconds(120), 250, 30));
    OtlpBatch unchanged = post(tokens(start, T0.plusSeconds(180), 250, 30));
    post(tokens(start, T0.plusSeconds(240), 400, 45));

    assertThat(unchanged.usage()).isEmpty();
    assertThat(unchanged.accepted()).isEqualTo(2);
    assertThat(store.totals().input()).isEqualTo(400);
    assertThat(store.totals().output()).isEqualTo(45);
    assertThat(store.usage.values()).extracting(UsageRecord::inputTokens)
        .containsExactly(100L, 150L, 150L);
  }

  @Test
  void retriedExportYieldsTheSameRecordsAgain() throws Exception {
    Instant start = T0.plusSeconds(1);
    post(tokens(start, T0.plusSeconds(60), 100, 10));
    OtlpBatch first = post(tokens(start, T0.plusSeconds(120), 250, 30));
    OtlpBatch retry = post(tokens(start, T0.plusSeconds(120), 250, 30));

    assertThat(retry.usage()).isEqualTo(first.usage());
    assertThat(store.totals().input()).isEqualTo(250);
  }

  @Test
  void olderPointThanTheLastSeenAddsNothing() throws Exception {
    Instant start = T0.plusSeconds(1);
    post(tokens(start, T0.plusSeconds(60), 100, 10));
    post(tokens(start, T0.plusSeconds(120), 250, 30));
    OtlpBatch stale = post(tokens(start, T0.plusSeconds(60), 100, 10));

    assertThat(stale.usage()).isEmpty();
    assertThat(stale.rejected()).isZero();
    assertThat(store.totals().input()).isEqualTo(250);
  }

  @Test
  void valueBelowTheLastIsACounterResetAndCountsInFull() throws Exception {
    Instant start = T0.plusSeconds(1);
    post(tokens(start, T0.plusSeconds(60), 100, 10));
    post(tokens(start, T0.plusSeconds(120), 30, 5));
    post(tokens(start, T0.plusSeconds(180), 50, 9));

    assertThat(store.totals().input()).isEqualTo(100 + 30 + 20);
    assertThat(store.totals().output()).isEqualTo(10 + 5 + 4);
  }

  @Test
  void restartedExporterHasANewStartTimeAndCountsFromZero() throws Exception {
    post(tokens(T0.plusSeconds(1), T0.plusSeconds(60), 100, 10));
    post(tokens(T0.plusSeconds(1), T0.plusSeconds(120), 180, 20));
    Instant restart = T0.plusSeconds(130);
    post(tokens(restart, T0.plusSeconds(190), 70, 7));

    assertThat(store.totals().input()).isEqualTo(250);
    assertThat(store.totals().output()).isEqualTo(27);
  }

  @Test
  void seriesThatStartedBeforeTrackingBeganOnlySeedsItsState() throws Exception {
    Instant before = T0.minusSeconds(3600);
    OtlpBatch seed = post(tokens(before, T0.plusSeconds(60), 5000, 700));
    post(tokens(before, T0.plusSeconds(120), 5100, 720));

    assertThat(seed.usage()).isEmpty();
    assertThat(seed.accepted()).isEqualTo(2);
    assertThat(store.totals().input()).isEqualTo(100);
    assertThat(store.totals().output()).isEqualTo(20);
  }

  @Test
  void seriesWithoutStartTimeOnlySeeds() throws Exception {
    post(tokens(null, T0.plusSeconds(60), 500, 70));
    post(tokens(null, T0.plusSeconds(120), 510, 72));
    assertThat(store.totals().input()).isEqualTo(10);
  }

  @Test
  void samePointTimeWithAnotherValueIsRejected() throws Exception {
    Instant start = T0.plusSeconds(1);
    post(tokens(start, T0.plusSeconds(60), 100, 10));
    OtlpBatch conflict = post(tokens(start, T0.plusSeconds(60), 120, 10));

    assertThat(conflict.rejected()).isEqualTo(1);
    assertThat(conflict.errors()).singleElement().asString()
        .contains("claude_code.token.usage").contains("same time").contains("100.0 then 120.0");
  }

  @Test
  void rollbackLetsTheRetryComputeTheSameRecords() throws Exception {
    Instant start = T0.plusSeconds(1);
    post(tokens(start, T0.plusSeconds(60), 100, 10));
    ExportMetricsServiceRequest second = tokens(start, T0.plusSeconds(120), 250, 30);
    OtlpBatch failed = decoder.decode(Signal.METRICS, second.toByteArray(), ContentType.PROTOBUF,
        false);
    decoder.rollback(failed); // the store was down; the client will retry
    // Meanwhile nothing else arrived; the retry brings the same bytes.
    OtlpBatch retry = post(second);
    assertThat(retry.usage()).isEqualTo(failed.usage());
    assertThat(store.totals().input()).isEqualTo(250);

    // Had the client given up instead, the next export still covers the lost window.
    ExportMetricsServiceRequest third = tokens(start, T0.plusSeconds(180), 300, 40);
    OtlpBatch lost = decoder.decode(Signal.METRICS, third.toByteArray(), ContentType.PROTOBUF,
        false);
    decoder.rollback(lost);
    post(tokens(start, T0.plusSeconds(240), 320, 41));
    assertThat(store.totals().input()).isEqualTo(320);
    assertThat(store.totals().output()).isEqualTo(41);
  }

  @Test
  void costIsSubtractedInDecimal() throws Exception {
    Instant start = T0.plusSeconds(1);
    KeyValue[] a = {kv("session.id", "s1"), kv("model", "claude-opus-4-1")};
    post(Otlp.metrics(CLAUDE, Otlp.sum("claude_code.cost.usage", CUMULATIVE,
        Otlp.point(start, T0.plusSeconds(60), 0.1, a))));
    post(Otlp.metrics(CLAUDE, Otlp.sum("claude_code.cost.usage", CUMULATIVE,
        Otlp.point(start, T0.plusSeconds(120), 0.3, a))));

    assertThat(store.usage.values()).extracting(UsageRecord::reportedCost)
        .containsExactly(new BigDecimal("0.1"), new BigDecimal("0.2"));
  }

  @Test
  void cumulativeHistogramSumsAndCountsBecomeTokensAndRequests() throws Exception {
    Resource app = Otlp.resource(kv("service.name", "support-bot"));
    Instant start = T0.plusSeconds(1);
    KeyValue model = kv("gen_ai.request.model", "gpt-4o");
    KeyValue provider = kv("gen_ai.system", "openai");
    for (int i = 1; i <= 3; i++) {
      post(Otlp.metrics(app, Otlp.histogram("gen_ai.client.token.usage", CUMULATIVE,
          Otlp.histogramPoint(start, T0.plusSeconds(60L * i), 1000.0 * i, 2L * i, model,
              provider, kv("gen_ai.token.type", "input")),
          Otlp.histogramPoint(start, T0.plusSeconds(60L * i), 100.0 * i, 2L * i, model,
              provider, kv("gen_ai.token.type", "output")))));
    }
    assertThat(store.totals().input()).isEqualTo(3000);
    assertThat(store.totals().output()).isEqualTo(300);
    assertThat(store.totals().requests()).isEqualTo(6);
    assertThat(store.usage.values()).allSatisfy(u -> {
      assertThat(u.project()).isEqualTo("support-bot");
      assertThat(u.provider()).isEqualTo("openai");
      assertThat(u.model()).isEqualTo("gpt-4o");
    });
  }

  @Test
  void cumulativeOutcomesBecomeDeltas() throws Exception {
    Instant start = T0.plusSeconds(1);
    KeyValue[] added = {kv("session.id", "s1"), kv("type", "added")};
    for (long lines : new long[] {10, 25, 25, 31}) {
      clock.advance(Duration.ofSeconds(60));
      post(Otlp.metrics(CLAUDE, Otlp.sum("claude_code.lines_of_code.count", CUMULATIVE,
          Otlp.point(start, clock.instant(), lines, added))));
    }
    assertThat(store.outcome(OutcomeKind.LINES_ADDED)).isEqualTo(31);
    assertThat(store.outcomes).hasSize(3);
  }

  @Test
  void deltaPointsNeedNoStateAndRetriesKeepTheirIds() throws Exception {
    ExportMetricsServiceRequest r = Otlp.metrics(CLAUDE, Otlp.sum("claude_code.token.usage",
        DELTA, Otlp.point(T0, T0.plusSeconds(60), 42, attrs("input"))));
    OtlpBatch a = post(r);
    OtlpBatch b = post(r);
    assertThat(a.usage()).isEqualTo(b.usage());
    assertThat(store.totals().input()).isEqualTo(42);
  }

  @Test
  void evictingIdleSeriesMovesTheTrackingHorizon() {
    InMemorySeriesStateStore states = new InMemorySeriesStateStore(clock, Duration.ofHours(1));
    SeriesKey key = new SeriesKey(1, 2);
    SeriesState s = new SeriesState(0, 0, 0, 1, 5, 0, clock.millis());
    assertThat(states.compareAndSet(key, null, s)).isTrue();
    assertThat(states.compareAndSet(key, null, s)).isFalse();
    clock.advance(Duration.ofHours(2));
    states.compareAndSet(new SeriesKey(3, 4), null, new SeriesState(0, 0, 0, 1, 1, 0,
        clock.millis()));
    assertThat(states.get(key)).isNull();
    assertThat(states.trackingSince()).isEqualTo(clock.instant().minus(Duration.ofHours(1)));
    assertThat(SeriesKey.fromHex(key.toHex())).isEqualTo(key);
  }

  @Test
  void groupsAllTokenTypesAndCostOfOneIntervalIntoOneRecord() throws Exception {
    Instant start = T0.plusSeconds(1);
    Instant t = T0.plusSeconds(60);
    KeyValue[] base = {kv("session.id", "s1"), kv("model", "claude-sonnet-4-5")};
    OtlpBatch batch = post(Otlp.metrics(CLAUDE,
        Otlp.sum("claude_code.token.usage", DELTA,
            Otlp.point(start, t, 10, with(base, kv("type", "input"))),
            Otlp.point(start, t, 20, with(base, kv("type", "output"))),
            Otlp.point(start, t, 300, with(base, kv("type", "cacheRead"))),
            Otlp.point(start, t, 40, with(base, kv("type", "cacheCreation")))),
        Otlp.sum("claude_code.cost.usage", DELTA, Otlp.point(start, t, 0.25, base))));
    assertThat(batch.usage()).singleElement().satisfies(u -> {
      assertThat(u.inputTokens()).isEqualTo(10);
      assertThat(u.outputTokens()).isEqualTo(20);
      assertThat(u.cacheReadTokens()).isEqualTo(300);
      assertThat(u.cacheWrite5mTokens()).isEqualTo(40);
      assertThat(u.reportedCost()).isEqualByComparingTo("0.25");
      assertThat(u.requests()).isZero();
      assertThat(u.timestamp()).isEqualTo(t);
      assertThat(u.id()).startsWith(RecordIds.METRIC_USAGE_PREFIX).hasSize(7 + 32);
    });
    assertThat(batch.accepted()).isEqualTo(5);
  }

  static KeyValue[] with(KeyValue[] base, KeyValue extra) {
    KeyValue[] all = List.of(base).toArray(new KeyValue[base.length + 1]);
    all[base.length] = extra;
    return all;
  }
}
