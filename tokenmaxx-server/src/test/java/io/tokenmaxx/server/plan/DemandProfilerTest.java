package io.tokenmaxx.server.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tokenmaxx.analyze.UsageAggregator;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.plan.capacity.ModelDemand;
import io.tokenmaxx.storage.ReferenceDemandStore;
import io.tokenmaxx.storage.UsageAggregate;
import io.tokenmaxx.storage.UsageQuery;
import io.tokenmaxx.storage.UsageStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demand profile's arithmetic on records small enough to work by hand. */
class DemandProfilerTest {
  static final Instant NOW = Instant.parse("2026-03-13T12:00:30Z");
  static final Instant MINUTE = Instant.parse("2026-03-12T10:00:00Z");

  static UsageRecord rec(String id, Instant t, String model, String person, long input, long cacheRead, long output,
      int requests, Long latency) {
    return UsageRecord.builder().id(id).timestamp(t).source("test").tool("api").model(model).person(person)
        .inputTokens(input).cacheReadTokens(cacheRead).outputTokens(output).requests(requests).latencyMs(latency).build();
  }

  /** A UsageStore over records in memory (aggregates by the reference aggregator). */
  record ListStore(List<UsageRecord> records) implements UsageStore {
    @Override public List<UsageAggregate> aggregate(UsageQuery q) { return UsageAggregator.aggregate(q, records); }
    @Override public List<UsageRecord> records(UsageQuery q, int limit) { return records; }
    @Override public List<io.tokenmaxx.model.OutcomeRecord> outcomes(UsageQuery q, int limit) { return List.of(); }
    @Override public long countUsage() { return records.size(); }
    @Override public long countOutcomes() { return 0; }
  }

  static RecordedDemand profile(List<UsageRecord> records, int days, int k) {
    DemandProfiler p = new DemandProfiler(new ReferenceDemandStore(records), new ListStore(records),
        Clock.fixed(NOW, ZoneOffset.UTC));
    return p.profile(days, ModelClasses.builtIn(), k);
  }

  @Test
  void ratesLengthsConcurrencyCacheShareAndGrowthByHand() {
    List<UsageRecord> r = new ArrayList<>();
    // three busy minutes of haiku (class "small"), one day ago
    r.add(rec("a", MINUTE, "claude-haiku-4-5", "p1", 1000, 3000, 600, 1, 6000L));        // minute 1: 4,000 in, 600 out
    r.add(rec("b", MINUTE.plusSeconds(60), "claude-haiku-4-5", "p2", 2000, 0, 1200, 2, 3000L)); // minute 2: 2,000 in, 1,200 out
    r.add(rec("c", MINUTE.plusSeconds(61), "gpt-5-mini", "p1", 4000, 2000, 2400, 1, null));    // minute 2: + 6,000 in, 2,400 out
    r.add(rec("d", MINUTE.plusSeconds(180), "gpt-5-mini", "p3", 0, 6000, 1800, 1, 9000L));     // minute 4: 6,000 in, 1,800 out
    // the window before (days 8..14 ago): 7,500 tokens
    r.add(rec("old", MINUTE.minusSeconds(10 * 86400), "claude-haiku-4-5", "p1", 5000, 0, 2500, 1, 1000L));
    RecordedDemand d = profile(r, 7, 1);
    assertThat(d.classes()).hasSize(1);
    ClassDemand small = d.classes().get(0);
    assertThat(small.modelClass()).isEqualTo("small");
    assertThat(small.models()).containsExactly("claude-haiku-4-5", "gpt-5-mini");
    assertThat(small.people()).isEqualTo(3);
    assertThat(small.requests()).isEqualTo(5);
    assertThat(small.activeMinutes()).isEqualTo(3);
    ModelDemand m = small.demand();
    // output per minute: 600, 3,600, 1,800 -> /60: 10, 60, 30 tokens/s; p50 30, p95 30 + 0.9 x 30 = 57, peak 60
    assertThat(m.outputTokensPerSecond().p50()).isCloseTo(30, within(1e-9));
    assertThat(m.outputTokensPerSecond().p95()).isCloseTo(57, within(1e-9));
    assertThat(m.outputTokensPerSecond().peak()).isCloseTo(60, within(1e-9));
    // input per minute: 4,000, 8,000, 6,000 -> 66.67, 133.33, 100
    assertThat(m.inputTokensPerSecond().peak()).isCloseTo(8000 / 60.0, within(1e-9));
    // in flight: minute 1: 1 x 6 s / 60 s = 0.1; minute 2: 3 requests, timed ones (2 at 3 s) mean 3 s: 3 x 3 / 60 = 0.15;
    // minute 4: 1 x 9 / 60 = 0.15
    assertThat(m.concurrentRequests().peak()).isCloseTo(0.15, within(1e-9));
    assertThat(m.concurrentRequests().p50()).isCloseTo(0.15, within(1e-9));
    // lengths: 18,000 prompt tokens / 5 requests = 3,600; 6,000 out / 5 = 1,200
    assertThat(m.inputLength().mean()).isCloseTo(3600, within(1e-9));
    assertThat(m.outputLength().mean()).isCloseTo(1200, within(1e-9));
    // cache share: 11,000 of 18,000 prompt tokens
    assertThat(m.cacheShare()).isCloseTo(11000 / 18000.0, within(1e-12));
    // growth: 24,000 tokens now against 7,500 in the week before: (3.2)^(30.4167 / 7) - 1
    assertThat(small.previousTokens()).isEqualTo(7500);
    assertThat(m.monthlyGrowth()).isCloseTo(Math.pow(24000 / 7500.0, (730.0 * 3600 / 86400) / 7) - 1, within(1e-9));
    // monthly volume: the week scaled to an average month
    assertThat(m.inputTokensPerMonth()).isCloseTo(18000 * (730.0 * 3600) / (7 * 86400.0), within(1e-6));
    assertThat(m.model()).isEqualTo("Llama-3.1-8B");
    assertThat(m.apiModel()).isEqualTo("claude-haiku-4-5");
    assertThat(d.to()).isEqualTo(Instant.parse("2026-03-13T12:00:00Z"));
  }

  @Test
  void classesOfFewerThanKPeopleAreHidden() {
    List<UsageRecord> r = List.of(rec("a", MINUTE, "claude-opus-4-7", "p1", 10, 0, 10, 1, 100L),
        rec("b", MINUTE, "claude-sonnet-4-6", "p1", 10, 0, 10, 1, 100L),
        rec("c", MINUTE, "claude-sonnet-4-6", "p2", 10, 0, 10, 1, 100L));
    RecordedDemand d = profile(r, 28, 2);
    assertThat(d.classes()).extracting(ClassDemand::modelClass).containsExactly("mid");
    assertThat(d.hidden()).containsExactly("frontier-large");
    assertThat(d.notes()).anyMatch(n -> n.contains("fewer than 2 people"));
  }

  @Test
  void withoutLatencyConcurrencyIsNoConstraintAndUnknownModelsFallToTheDefault() {
    List<UsageRecord> r = List.of(rec("a", MINUTE, "acme-model", "p1", 10, 0, 10, 1, null));
    RecordedDemand d = profile(r, 28, 1);
    assertThat(d.classes().get(0).modelClass()).isEqualTo("mid");
    assertThat(d.unmatched()).containsExactly("acme-model");
    assertThat(d.classes().get(0).demand().concurrentRequests().peak()).isZero();
    assertThat(d.notes()).anyMatch(n -> n.contains("no latency is recorded"));
    assertThat(d.classes().get(0).previousTokens()).isNull();
    assertThat(d.classes().get(0).demand().monthlyGrowth()).isZero();
  }

  @Test
  void theWindowMustBeSensible() {
    assertThatThrownBy(() -> profile(List.of(), 0, 1)).hasMessageContaining("days must be between 1 and 366");
    assertThat(profile(List.of(), 28, 1).classes()).isEmpty();
  }
}
