package io.tokenmaxx.bench.planner;

import io.tokenmaxx.plan.Deployment;
import io.tokenmaxx.plan.GpuSpec;
import io.tokenmaxx.plan.LatencyTargets;
import io.tokenmaxx.plan.ModelSpec;
import io.tokenmaxx.plan.Planner;
import io.tokenmaxx.plan.Precision;
import io.tokenmaxx.plan.ThroughputEstimate;
import io.tokenmaxx.plan.Workload;
import io.tokenmaxx.plan.capacity.CapacityPlanner;
import io.tokenmaxx.plan.capacity.Lengths;
import io.tokenmaxx.plan.capacity.ModelDemand;
import io.tokenmaxx.plan.capacity.Rates;
import io.tokenmaxx.plan.capacity.SizingOptions;
import io.tokenmaxx.plan.catalog.Catalog;
import io.tokenmaxx.plan.tco.SelfHostCosts;
import io.tokenmaxx.plan.tco.TcoInputs;
import io.tokenmaxx.plan.tco.TcoModel;
import io.tokenmaxx.plan.tco.TcoResult;
import io.tokenmaxx.plan.tco.TokenVolume;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Planner call costs, against the budgets a web page needs: one call well under 1 ms, a sweep of
 * 10,000 configurations under 1 s. There is no peer library to compare with in-process; the
 * report gives each result as a share of its budget.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PlannerBenchmark {
  static final int SWEEP = 10_000;

  Planner planner;
  Deployment deployment;
  Workload workload;
  LatencyTargets targets;
  CapacityPlanner capacity;
  ModelDemand demand;
  SizingOptions sizing;
  TcoInputs tco;
  final List<Deployment> sweepDeployments = new ArrayList<>(SWEEP);
  final List<Workload> sweepWorkloads = new ArrayList<>(SWEEP);

  @Setup
  public void setup() {
    Catalog c = Catalog.builtIn();
    planner = Planner.withDefaults();
    deployment = Deployment.of(c.model("Llama-3.3-70B"), c.gpu("H100"), 4, Precision.FP8);
    workload = Workload.of(2000, 500);
    targets = new LatencyTargets(2.0, 0.05);
    capacity = new CapacityPlanner(planner, c);
    demand = new ModelDemand("coding", "Llama-3.3-70B", new Rates(20_000, 60_000, 90_000), new Rates(1500, 4500, 7000),
        Rates.ZERO, new Lengths(12_000, 60_000), new Lengths(700, 3000), 0.6, 0.05, null);
    sizing = SizingOptions.defaults(c.gpu("H100"), Precision.FP8).withTargets(targets);
    ThroughputEstimate replica = planner.throughput(deployment, workload);
    tco = new TcoInputs(replica, SelfHostCosts.defaults(c.gpu("H100")), c.apiPrice("claude-sonnet-4-5"),
        new TokenVolume(20e9, 2e9, 0.5, 3, 0.05), 0.2, 36);
    Random r = new Random(42);
    List<ModelSpec> models = c.models();
    List<GpuSpec> gpus = c.gpus();
    int[] tps = {1, 2, 4, 8};
    for (int i = 0; i < SWEEP; i++) {
      ModelSpec m = models.get(r.nextInt(models.size()));
      sweepDeployments.add(Deployment.of(m, gpus.get(r.nextInt(gpus.size())), tps[r.nextInt(tps.length)],
          Precision.values()[r.nextInt(3)]));
      sweepWorkloads.add(Workload.of(1 + r.nextInt(16_000), 1 + r.nextInt(4_000)));
    }
  }

  /** One throughput prediction (memory, batch, step, TTFT). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public ThroughputEstimate throughput() {
    return planner.throughput(deployment, workload);
  }

  /** One prediction with TTFT/ITL targets (binary search over the batch). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public ThroughputEstimate throughputWithLatencyTargets() {
    return planner.throughput(deployment, workload, targets);
  }

  /** Sizing one traffic class, trying TP 1, 2, 4, 8 with latency targets. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object capacitySizing() {
    return capacity.size(demand, sizing);
  }

  /** Buy vs rent vs API with curve, 36-month timeline and 21 sensitivity rows. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public TcoResult tco() {
    return new TcoModel().compute(tco);
  }

  /** 10,000 random configurations (models x GPUs x TP x precision x lengths). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void sweep10k(Blackhole bh) {
    for (int i = 0; i < SWEEP; i++) bh.consume(planner.throughput(sweepDeployments.get(i), sweepWorkloads.get(i)));
  }
}
