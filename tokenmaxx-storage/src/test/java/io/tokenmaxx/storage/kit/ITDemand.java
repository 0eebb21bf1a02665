package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.demo.DemoActivity;
import io.tokenmaxx.demo.DemoOrganization;
import io.tokenmaxx.demo.DemoPerson;
import io.tokenmaxx.demo.DemoSink;
import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.DemandStore;
import io.tokenmaxx.storage.DemandStore.MinuteUsage;
import io.tokenmaxx.storage.DemandStore.RequestSizes;
import io.tokenmaxx.storage.ReferenceDemandStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Demand queries (per-minute sums, request-size percentiles, model users) in SQL against the
 * pure-Java reference ({@link ReferenceDemandStore}), on generated organizations and on records made
 * to sit on the edges (minute boundaries, sub-microsecond range bounds, pre-aggregated records,
 * missing latencies).
 */
public abstract class ITDemand extends StorageTest {
  static final LocalDate END = LocalDate.of(2026, 3, 13);

  static List<UsageRecord> demo(long seed, int people, int weeks) {
    DemoSpec spec = DemoSpec.of(seed, people, weeks, END);
    List<UsageRecord> usage = new ArrayList<>();
    DemoSink sink = new DemoSink() {
      @Override public void usage(UsageRecord r) { usage.add(r); }
      @Override public void outcome(OutcomeRecord r) { }
    };
    DemoActivity activity = new DemoActivity(spec);
    for (DemoPerson p : DemoOrganization.generate(spec).people()) activity.generate(p, sink);
    return usage;
  }

  void load(List<UsageRecord> usage) {
    for (int i = 0; i < usage.size(); i += 5000) {
      storage.usageConsumer().accept(usage.subList(i, Math.min(usage.size(), i + 5000)));
    }
  }

  static void assertAgrees(DemandStore ref, DemandStore sql, Instant from, Instant to) {
    assertAgrees(ref, sql, from, to, Map.of());
  }

  static void assertAgrees(DemandStore ref, DemandStore sql, Instant from, Instant to, Map<String, String> groups) {
    assertThat(sql.minutes(from, to, groups)).isEqualTo(ref.minutes(from, to, groups));
    assertThat(sql.users(from, to)).isEqualTo(ref.users(from, to));
    List<RequestSizes> expected = ref.requestSizes(from, to, groups);
    List<RequestSizes> actual = sql.requestSizes(from, to, groups);
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      RequestSizes e = expected.get(i);
      RequestSizes a = actual.get(i);
      assertThat(a.group()).isEqualTo(e.group());
      assertThat(a.records()).isEqualTo(e.records());
      assertThat(a.promptP50()).isCloseTo(e.promptP50(), org.assertj.core.data.Percentage.withPercentage(1e-9));
      assertThat(a.promptP95()).isCloseTo(e.promptP95(), org.assertj.core.data.Percentage.withPercentage(1e-9));
      assertThat(a.generatedP50()).isCloseTo(e.generatedP50(), org.assertj.core.data.Percentage.withPercentage(1e-9));
      assertThat(a.generatedP95()).isCloseTo(e.generatedP95(), org.assertj.core.data.Percentage.withPercentage(1e-9));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {3, 11})
  void generatedOrganizationsAgreeWithTheReference(long seed) {
    List<UsageRecord> usage = demo(seed, 40, 3);
    load(usage);
    ReferenceDemandStore ref = new ReferenceDemandStore(usage);
    Instant end = END.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    assertAgrees(ref, storage.demand(), end.minusSeconds(28L * 86400), end);
    // models summed in classes (one model left unmapped: its own group)
    Map<String, String> classes = new HashMap<>();
    for (UsageRecord u : usage) {
      String m = u.model();
      if (m.contains("mini") || m.contains("haiku") || m.contains("flash")) classes.put(m, "small");
      else if (!m.contains("gemini")) classes.put(m, m.contains("opus") ? "frontier-large" : "mid");
    }
    assertAgrees(ref, storage.demand(), end.minusSeconds(28L * 86400), end, classes);
    // random sub-ranges, bounds anywhere (seconds and nanoseconds)
    Random r = new Random(seed);
    for (int i = 0; i < 4; i++) {
      long a = end.getEpochSecond() - 21L * 86400 + r.nextInt(20 * 86400);
      Instant from = Instant.ofEpochSecond(a, r.nextInt(1_000_000_000));
      Instant to = from.plusSeconds(1 + r.nextInt(5 * 86400)).plusNanos(r.nextInt(1_000_000_000));
      assertAgrees(ref, storage.demand(), from, to);
    }
  }

  static UsageRecord rec(String id, Instant t, String model, String person, long input, long cacheRead, long output,
      long reasoning, int requests, Long latency) {
    return UsageRecord.builder().id(id).timestamp(t).source("test").tool("api").model(model).person(person)
        .identity(person == null ? null : RawIdentity.email(person + "@example.com"))
        .inputTokens(input).cacheReadTokens(cacheRead).cacheWrite5mTokens(7).outputTokens(output)
        .reasoningTokens(reasoning).requests(requests).latencyMs(latency).build();
  }

  @Test
  void edgesAgreeWithTheReference() {
    Instant m = Instant.parse("2026-03-10T12:00:00Z");
    List<UsageRecord> usage = List.of(
        rec("a", m, "big", "p1", 1000, 500, 100, 20, 1, 1500L),
        rec("b", m.plusSeconds(59).plusNanos(999_999_999), "big", "p2", 3000, 0, 300, 0, 3, null),
        rec("c", m.plusSeconds(60), "big", "p1", 10, 0, 1, 0, 0, 200L),
        rec("d", m.plusNanos(500), "Small", null, 50, 0, 5, 0, 1, 90L),
        rec("e", m.minusNanos(1), "small", "p3", 70, 0, 7, 0, 2, 110L));
    load(usage);
    ReferenceDemandStore ref = new ReferenceDemandStore(usage);
    assertAgrees(ref, storage.demand(), m, m.plusSeconds(3600));
    assertAgrees(ref, storage.demand(), m.plusNanos(1), m.plusSeconds(60));
    assertAgrees(ref, storage.demand(), m.minusSeconds(1), m.plusNanos(500));
    // and the reference itself, by hand: minute of 12:00 for "big" = records a and b
    assertAgrees(ref, storage.demand(), m, m.plusSeconds(3600), Map.of("Small", "small", "big", "o'big"));
    List<MinuteUsage> minutes = ref.minutes(m, m.plusSeconds(3600), Map.of());
    MinuteUsage first = minutes.stream().filter(x -> x.group().equals("big")).findFirst().orElseThrow();
    assertThat(first.epochMinute()).isEqualTo(m.getEpochSecond() / 60);
    assertThat(first.promptTokens()).isEqualTo(1000 + 500 + 7 + 3000 + 7);
    assertThat(first.cacheReadTokens()).isEqualTo(500);
    assertThat(first.generatedTokens()).isEqualTo(120 + 300);
    assertThat(first.requests()).isEqualTo(4);
    assertThat(first.latencyMillis()).isEqualTo(1500);
    assertThat(first.timedRequests()).isEqualTo(1);
    // sizes of "big": per request 1,507 (a), 1,002.33 (b: 3,007 / 3), 17 (c: no request counts as one)
    RequestSizes big = ref.requestSizes(m, m.plusSeconds(3600), Map.of()).stream().filter(x -> x.group().equals("big"))
        .findFirst().orElseThrow();
    assertThat(big.records()).isEqualTo(3);
    assertThat(big.promptP50()).isCloseTo(3007.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    // p95 of {17, 1002.33, 1507}: position 1.9 -> 1002.33 + 0.9 x (1507 - 1002.33)
    assertThat(big.promptP95()).isCloseTo(3007.0 / 3 + 0.9 * (1507 - 3007.0 / 3), org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void anEmptyRangeHasNoRows() {
    Instant m = Instant.parse("2026-03-10T12:00:00Z");
    assertThat(storage.demand().minutes(m, m.plusSeconds(60), Map.of())).isEmpty();
    assertThat(storage.demand().requestSizes(m, m.plusSeconds(60), Map.of("a", "b"))).isEmpty();
    assertThat(storage.demand().users(m, m.plusSeconds(60))).isEmpty();
    assertThatThrownBy(() -> storage.demand().minutes(null, m, Map.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
