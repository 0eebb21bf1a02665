package io.tokenmaxx.cli.plan;

import io.tokenmaxx.plan.LatencyTargets;
import io.tokenmaxx.plan.ThroughputEstimate;
import io.tokenmaxx.plan.capacity.CapacityPlan;
import io.tokenmaxx.plan.capacity.CapacityPlanner;
import io.tokenmaxx.plan.capacity.GrowthPoint;
import io.tokenmaxx.plan.capacity.ModelSizing;
import io.tokenmaxx.plan.capacity.Percentile;
import io.tokenmaxx.plan.capacity.SizingOptions;
import io.tokenmaxx.plan.catalog.Catalog;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tokenmaxx plan capacity}: GPUs needed to serve a demand profile. */
@Command(name = "capacity", mixinStandardHelpOptions = true, sortOptions = false,
    description = "GPUs needed to serve a demand: per model, replicas x tensor parallel, with headroom "
        + "over the chosen busy-minute level and the batch capped by latency targets.",
    footer = {"", "Examples:",
        "  tokenmaxx plan capacity --model Llama-3.3-70B --gpu H100 --output-tps 1500,4500,7000 --isl 4000 --osl 400",
        "  tokenmaxx plan capacity --demand demand.json --gpu H200 --itl-ms 50 --ttft-ms 2000",
        "  tokenmaxx plan capacity --server http://localhost:8420 --token-file read-token --gpu H200 --growth 5%"})
public final class PlanCapacityCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DemandOptions demand;

  @Mixin
  DeploymentOptions deployment;

  @Option(names = "--tp", paramLabel = "N", defaultValue = "0",
      description = "GPUs per replica; 0 picks the degree needing the fewest GPUs (default: ${DEFAULT-VALUE}).")
  int tp;

  @Option(names = "--max-tp", paramLabel = "N", defaultValue = "8", description = "Largest degree tried when picking (default: ${DEFAULT-VALUE}).")
  int maxTp;

  @Option(names = "--headroom", paramLabel = "SHARE", converter = Amounts.Share.class, defaultValue = "0.2",
      description = "Spare capacity over the sized demand (default: 20%%).")
  double headroom;

  @Option(names = "--size-for", paramLabel = "LEVEL", defaultValue = "PEAK",
      description = "Busy-minute level to serve: ${COMPLETION-CANDIDATES} (default: peak).")
  Percentile sizeFor;

  @Option(names = "--ttft-ms", paramLabel = "MS", description = "Time-to-first-token target.")
  Double ttftMs;

  @Option(names = "--itl-ms", paramLabel = "MS", description = "Inter-token latency target.")
  Double itlMs;

  @Option(names = "--months", paramLabel = "N", defaultValue = "12", description = "Months of growth to project (default: ${DEFAULT-VALUE}).")
  int months;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws Exception {
    Catalog c = common.catalog();
    SizingOptions o = new SizingOptions(c.gpu(deployment.gpu), deployment.weights(), deployment.kvCache(), tp, maxTp,
        headroom, LatencyTargets.ofMillis(ttftMs, itlMs), sizeFor, months);
    CapacityPlan plan = new CapacityPlanner(common.planner(), c).plan(demand.profile(spec), o);
    PrintWriter out = spec.commandLine().getOut();
    if (common.json) {
      Json.print(out, json(plan));
    } else {
      print(out, plan);
    }
    out.flush();
    return 0;
  }

  static void print(PrintWriter out, CapacityPlan plan) {
    SizingOptions o = plan.options();
    out.printf(Locale.ROOT, "Capacity plan%s: %s, %s weights, %s headroom over the %s busy minute%s%n",
        plan.profile().name().isEmpty() ? "" : " for " + plan.profile().name(), o.gpu().name(),
        o.weights().id().toUpperCase(Locale.ROOT), Fmt.pct(o.headroom()), Fmt.label(o.sizeFor()),
        o.targets().any() ? ", latency targets " + targets(o.targets()) : "");
    out.println();
    Table t = new Table("class", "model", ">TP", ">replicas", ">GPUs", ">out tok/s per replica", ">batch",
        "load p50/p95/peak", "sized by");
    for (ModelSizing s : plan.sizings()) {
      ThroughputEstimate e = s.estimate();
      if (!s.served()) {
        t.row(s.demand().modelClass(), s.demand().model(), "-", "-", "-", "-", "-", "-", "cannot be served");
        continue;
      }
      t.row(s.demand().modelClass(), e.deployment().model().name(), e.gpus(), s.replicas(), s.gpus(),
          Fmt.n(e.outputTokensPerSecond()), e.concurrency(),
          Fmt.pct(s.utilization().p50()) + " / " + Fmt.pct(s.utilization().p95()) + " / " + Fmt.pct(s.utilization().peak()),
          s.sizedBy());
    }
    t.print(out, "  ");
    out.println();
    out.printf(Locale.ROOT, "GPUs now: %d%n", plan.totalGpus());
    if (plan.growth().size() > 1) {
      StringBuilder b = new StringBuilder("GPUs by month (growth):");
      for (GrowthPoint g : plan.growth()) {
        if (g.month() % 3 == 0 || g.month() == plan.growth().size() - 1) b.append(" m").append(g.month()).append('=').append(g.gpus());
      }
      out.println(b);
    }
    for (ModelSizing s : plan.sizings()) {
      out.println();
      out.println(s.demand().modelClass() + ":");
      if (s.served()) out.println("  " + PlanThroughputCommand.title(s.estimate()));
      for (String n : s.notes()) out.println("  - " + n);
    }
  }

  private static String targets(LatencyTargets t) {
    List<String> parts = new ArrayList<>();
    if (t.ttftSeconds() != Double.POSITIVE_INFINITY) parts.add("TTFT <= " + Fmt.ms(t.ttftSeconds()));
    if (t.itlSeconds() != Double.POSITIVE_INFINITY) parts.add("ITL <= " + Fmt.ms(t.itlSeconds()));
    return String.join(", ", parts);
  }

  static Map<String, Object> json(CapacityPlan plan) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("profile", plan.profile().name());
    SizingOptions o = plan.options();
    Map<String, Object> opts = new LinkedHashMap<>();
    opts.put("gpu", o.gpu().name());
    opts.put("weights", o.weights().id());
    opts.put("tensor_parallel", o.tensorParallel());
    opts.put("headroom", o.headroom());
    opts.put("size_for", o.sizeFor());
    opts.put("ttft_target_ms", finiteMs(o.targets().ttftSeconds()));
    opts.put("itl_target_ms", finiteMs(o.targets().itlSeconds()));
    m.put("options", opts);
    List<Map<String, Object>> sizings = new ArrayList<>();
    for (ModelSizing s : plan.sizings()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("demand", s.demand());
      x.put("served", s.served());
      x.put("replicas", s.replicas());
      x.put("gpus", s.gpus());
      x.put("sized_by", s.sizedBy());
      x.put("utilization", s.utilization());
      x.put("replica", s.estimate() == null ? null : Json.estimate(s.estimate()));
      x.put("growth", s.growth());
      x.put("notes", s.notes());
      sizings.add(x);
    }
    m.put("sizings", sizings);
    m.put("total_gpus", plan.totalGpus());
    m.put("growth", plan.growth());
    return m;
  }

  private static Double finiteMs(double seconds) {
    return seconds == Double.POSITIVE_INFINITY ? null : seconds * 1000;
  }
}
