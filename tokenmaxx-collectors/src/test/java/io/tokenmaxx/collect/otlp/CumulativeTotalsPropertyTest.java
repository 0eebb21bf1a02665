package io.tokenmaxx.collect.otlp;

import static io.tokenmaxx.collect.otlp.Otlp.CUMULATIVE;
import static io.tokenmaxx.collect.otlp.Otlp.DELTA;
import static io.tokenmaxx.collect.otlp.Otlp.kv;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.resource.v1.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever the mix of delta and cumulative series, exporter restarts, counter resets without a
 * new start time, retried exports, late duplicates of older exports and failed stores that were
 * rolled back, the stored total equals what was recorded.
 */
class CumulativeTotalsPropertyTest {
  static final Instant T0 = Instant.parse("2025-06-02T09:00:00Z");

  static IntStream seeds() {
    return IntStream.range(0, 40);
  }

  /** One simulated exporter process: a counter per session, cumulative or delta. */
  private static final class Exporter {
    final boolean cumulative;
    Instant start;
    final long[] cumulativeValue;
    final long[] pending;

    Exporter(boolean cumulative, Instant start, int sessions) {
      this.cumulative = cumulative;
      this.start = start;
      this.cumulativeValue = new long[sessions];
      this.pending = new long[sessions];
    }

    ExportMetricsServiceRequest export(Resource resource, Instant time) {
      List<NumberDataPoint> points = new ArrayList<>();
      for (int s = 0; s < pending.length; s++) {
        long v = cumulative ? cumulativeValue[s] : pending[s];
        if (!cumulative && v == 0) continue;
        points.add(Otlp.point(cumulative ? start : time.minusSeconds(60), time, v,
            kv("session.id", "s" + s), kv("model", "m"), kv("type", "input")));
        pending[s] = 0;
      }
      return Otlp.metrics(resource, Otlp.sum("claude_code.token.usage",
          cumulative ? CUMULATIVE : DELTA, points.toArray(NumberDataPoint[]::new)));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void storedTotalEqualsRecordedTotal(int seed) throws Exception {
    Random random = new Random(seed);
    MutableClock clock = new MutableClock(T0);
    OtlpDecoder decoder = OtlpDecoder.builder().clock(clock).build();
    RecordingStore store = new RecordingStore();
    int processes = 1 + random.nextInt(3);
    List<Exporter> exporters = new ArrayList<>();
    List<Resource> resources = new ArrayList<>();
    for (int p = 0; p < processes; p++) {
      exporters.add(new Exporter(random.nextBoolean(), T0.plusSeconds(1 + p), 1 + random.nextInt(3)));
      resources.add(Otlp.resource(kv("service.name", "claude-code"), kv("host.id", "h" + p)));
    }
    long recorded = 0;
    List<byte[]> sent = new ArrayList<>();
    for (int interval = 1; interval <= 30; interval++) {
      clock.advance(java.time.Duration.ofSeconds(60));
      Instant now = clock.instant();
      for (int p = 0; p < processes; p++) {
        Exporter e = exporters.get(p);
        boolean reset = false;
        if (random.nextInt(10) == 0) { // restart: new process, counters from zero
          e.start = now.minusSeconds(30);
          java.util.Arrays.fill(e.cumulativeValue, 0);
        } else if (e.cumulative && random.nextInt(15) == 0) {
          // A reset that keeps the start time is only visible as a drop in value: report the
          // zeroed counters before anything is added again.
          java.util.Arrays.fill(e.cumulativeValue, 0);
          reset = true;
        }
        for (int s = 0; s < e.pending.length; s++) {
          if (reset || random.nextInt(3) == 0) continue;
          long add = random.nextInt(5000);
          e.cumulativeValue[s] += add;
          e.pending[s] += add;
          recorded += add;
        }
        byte[] body = e.export(resources.get(p), now).toByteArray();
        OtlpBatch batch = decoder.decode(Signal.METRICS, body, ContentType.PROTOBUF, false);
        if (random.nextInt(8) == 0) {
          decoder.rollback(batch); // store down: 503, the client retries the same bytes
          batch = decoder.decode(Signal.METRICS, body, ContentType.PROTOBUF, false);
        }
        store.store(batch);
        if (random.nextInt(5) == 0) { // response lost: the same bytes come again
          store.store(decoder.decode(Signal.METRICS, body, ContentType.PROTOBUF, false));
        }
        sent.add(body);
        if (random.nextInt(6) == 0 && sent.size() > 2) { // a late duplicate of an older export
          byte[] old = sent.get(random.nextInt(sent.size() - 1));
          OtlpBatch late = decoder.decode(Signal.METRICS, old, ContentType.PROTOBUF, false);
          assertThat(late.rejected()).isZero();
          store.store(late);
        }
      }
    }
    assertThat(store.totals().input()).isEqualTo(recorded);
  }
}
