package io.tokenmaxx.plan.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tokenmaxx.plan.Deployment;
import io.tokenmaxx.plan.Planner;
import io.tokenmaxx.plan.Precision;
import io.tokenmaxx.plan.ThroughputEstimate;
import io.tokenmaxx.plan.Toy;
import io.tokenmaxx.plan.Workload;
import io.tokenmaxx.plan.catalog.Catalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityPlannerTest {
  final Planner toyPlanner = new Planner(Toy.PROFILE);
  final CapacityPlanner toy = new CapacityPlanner(toyPlanner, Catalog.of(List.of(Toy.MODEL), List.of(Toy.GPU), List.of()));
  /** One Toy replica at ISL = OSL = 1,000 delivers X = 256 / 0.0314045359104 = 8,151.69 tokens/s each way. */
  final double x = toyPlanner.throughput(Toy.fp8(1), Workload.of(1000, 1000)).outputTokensPerSecond();
  final SizingOptions tp1NoHeadroom = SizingOptions.defaults(Toy.GPU, Precision.FP8).withTensorParallel(1).withHeadroom(0);

  ModelDemand demand(double outPeak, double concurrentPeak, double growth) {
    return new ModelDemand("chat", "Toy-10B", new Rates(outPeak / 4, outPeak / 2, outPeak),
        new Rates(outPeak / 4, outPeak / 2, outPeak), new Rates(0, 0, concurrentPeak),
        Lengths.fixed(1000), Lengths.fixed(1000), 0, growth, null);
  }

  @Test
  void replicasAreDemandOverReplicaCapacityRoundedUp() {
    // peak 2.5 X tokens/s each way / X per replica = 2.5 -> 3 replicas; peak load 2.5 / 3 = 83.3 %
    ModelSizing s = toy.size(demand(2.5 * x, 0, 0), tp1NoHeadroom);
    assertThat(s.replicas()).isEqualTo(3);
    assertThat(s.gpus()).isEqualTo(3);
    assertThat(s.sizedBy()).isEqualTo("output tokens");
    assertThat(s.utilization().peak()).isCloseTo(2.5 / 3, within(1e-9));
    assertThat(s.utilization().p50()).isCloseTo(0.625 / 3, within(1e-9));
  }

  @Test
  void headroomIsAddedBeforeRounding() {
    // 2 X x 1.2 = 2.4 X -> 3 replicas (2 without headroom)
    assertThat(toy.size(demand(2 * x, 0, 0), tp1NoHeadroom).replicas()).isEqualTo(2);
    assertThat(toy.size(demand(2 * x, 0, 0), tp1NoHeadroom.withHeadroom(0.2)).replicas()).isEqualTo(3);
  }

  @Test
  void concurrentRequestsNeedKvSlots() {
    // 1,000 requests in flight / 256 per replica = 3.9 -> 4 replicas, though tokens need only 1
    ModelSizing s = toy.size(demand(0.5 * x, 1000, 0), tp1NoHeadroom);
    assertThat(s.replicas()).isEqualTo(4);
    assertThat(s.sizedBy()).isEqualTo("concurrent requests");
  }

  @Test
  void growthIsProjectedMonthByMonth() {
    // 10 %/month: month 3 = 2.5 x 1.1^3 = 3.3275 -> 4 replicas
    ModelSizing s = toy.size(demand(2.5 * x, 0, 0.10), tp1NoHeadroom);
    assertThat(s.growth()).hasSize(13);
    assertThat(s.growth().get(0).replicas()).isEqualTo(3);
    assertThat(s.growth().get(3).demandFactor()).isCloseTo(1.331, within(1e-12));
    assertThat(s.growth().get(3).replicas()).isEqualTo(4);
  }

  @Test
  void pickingTensorParallelismMinimizesGpus() {
    Catalog c = Catalog.builtIn();
    Planner p = Planner.withDefaults();
    CapacityPlanner cp = new CapacityPlanner(p, c);
    ModelDemand d = new ModelDemand("coding", "Llama-3.3-70B", Rates.flat(40_000), Rates.flat(4_000), Rates.ZERO,
        new Lengths(2000, 8000), new Lengths(200, 1000), 0, 0, null);
    SizingOptions o = SizingOptions.defaults(c.gpu("H100"), Precision.FP8);
    ModelSizing s = cp.size(d, o);
    assertThat(s.served()).isTrue();
    for (int tp : new int[] {1, 2, 4, 8}) {
      ThroughputEstimate e = p.throughput(Deployment.of(c.model("Llama-3.3-70B"), c.gpu("H100"), tp, Precision.FP8),
          CapacityPlanner.workload(d));
      if (!e.serves()) continue;
      int gpus = (int) Math.ceil(CapacityPlanner.replicasNeeded(e, d, Percentile.PEAK, 0.2) - 1e-9) * tp;
      assertThat(s.gpus()).isLessThanOrEqualTo(gpus);
    }
  }

  @Test
  void trafficThatFitsNowhereSaysSo() {
    Catalog c = Catalog.builtIn();
    CapacityPlanner cp = new CapacityPlanner(Planner.withDefaults(), c);
    ModelDemand d = new ModelDemand("big", "DeepSeek-V3", Rates.flat(1000), Rates.flat(100), Rates.ZERO,
        Lengths.fixed(1000), Lengths.fixed(100), 0, 0, null);
    ModelSizing s = cp.size(d, SizingOptions.defaults(c.gpu("L40S"), Precision.FP8));
    assertThat(s.served()).isFalse();
    assertThat(s.gpus()).isZero();
    assertThat(s.notes().get(0)).contains("DeepSeek-V3 cannot be served on L40S");
  }

  @Test
  void aPlanAddsUpItsClasses() {
    DemandProfile p = new DemandProfile("two", List.of(demand(2.5 * x, 0, 0), demand(0.5 * x, 0, 0)));
    CapacityPlan plan = toy.plan(p, tp1NoHeadroom);
    assertThat(plan.totalGpus()).isEqualTo(3 + 1);
    assertThat(plan.growth().get(0).gpus()).isEqualTo(4);
    assertThat(plan.allServed()).isTrue();
  }
}
