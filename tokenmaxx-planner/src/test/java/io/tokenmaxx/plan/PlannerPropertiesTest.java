package io.tokenmaxx.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.plan.catalog.Catalog;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Physical invariants over random configurations (seeded, so failures reproduce). */
class PlannerPropertiesTest {
  static final Catalog CATALOG = Catalog.builtIn();
  static final Planner PLANNER = Planner.withDefaults();

  record Case(ModelSpec model, int tp, Precision precision, Workload workload) {}

  static Stream<Case> cases() {
    Random r = new Random(20250706);
    List<ModelSpec> models = CATALOG.models();
    int[] tps = {1, 2, 4, 8};
    return IntStream.range(0, 300).mapToObj(i -> new Case(models.get(r.nextInt(models.size())),
        tps[r.nextInt(tps.length)], Precision.values()[r.nextInt(3)],
        new Workload(1 + r.nextInt(16_000), 1 + r.nextInt(4_000), r.nextInt(4) == 0 ? r.nextDouble() * 0.9 : 0)));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void invariants(Case c) {
    Deployment h100 = Deployment.of(c.model(), CATALOG.gpu("H100"), c.tp(), c.precision());
    Deployment h200 = h100.withGpu(CATALOG.gpu("H200"));
    ThroughputEstimate a = PLANNER.throughput(h100, c.workload());
    ThroughputEstimate b = PLANNER.throughput(h200, c.workload());

    for (ThroughputEstimate e : List.of(a, b)) {
      MemoryBreakdown m = e.memory();
      if (e.serves()) {
        assertThat(e.outputTokensPerSecond()).isPositive();
        assertThat(e.concurrency()).isBetween(1, EngineProfile.DEFAULT.maxBatchSize());
        assertThat(e.concurrency()).isLessThanOrEqualTo(e.kvLimitedConcurrency());
        assertThat(e.ttftSeconds()).isPositive();
        assertThat(m.weightBytes() + m.runtimeBytes() + m.kvCacheBytes()).isLessThanOrEqualTo(m.totalBytes());
        assertThat((double) e.concurrency() * c.workload().sequenceTokens()).isLessThanOrEqualTo(m.kvTokenCapacity());
      } else {
        assertThat(e.outputTokensPerSecond()).isZero();
        assertThat(e.notes()).isNotEmpty();
      }
    }
    // Same compute, more memory and bandwidth: never slower.
    assertThat(b.outputTokensPerSecond()).isGreaterThanOrEqualTo(a.outputTokensPerSecond() * (1 - 1e-12));

    if (b.serves()) {
      // A latency target never raises the batch, and is met whenever the result says it fits. (It
      // can raise throughput a little: a smaller batch may waste less on CUDA-graph padding.)
      LatencyTargets t = new LatencyTargets(Double.POSITIVE_INFINITY, b.itlSeconds() / 2);
      ThroughputEstimate capped = PLANNER.throughput(h200, c.workload(), t);
      assertThat(capped.concurrency()).isLessThanOrEqualTo(b.concurrency());
      if (capped.fit() != Fit.LATENCY_UNMET) assertThat(capped.itlSeconds()).isLessThanOrEqualTo(t.itlSeconds());
    }
  }
}
