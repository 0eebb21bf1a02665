package io.tokenmaxx.plan.capacity;

import io.tokenmaxx.plan.Deployment;
import io.tokenmaxx.plan.Fit;
import io.tokenmaxx.plan.ModelSpec;
import io.tokenmaxx.plan.Planner;
import io.tokenmaxx.plan.ThroughputEstimate;
import io.tokenmaxx.plan.Workload;
import io.tokenmaxx.plan.catalog.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sizes a demand profile: per traffic class, the replicas (and GPUs) that serve the chosen
 * busy-minute level with headroom, each replica running at the batch its latency targets allow.
 * Immutable and thread-safe.
 */
public final class CapacityPlanner {
  private static final double EPSILON = 1e-9;

  private final Planner planner;
  private final Catalog catalog;

  public CapacityPlanner(Planner planner, Catalog catalog) {
    if (planner == null || catalog == null) throw new IllegalArgumentException("planner and catalog are required");
    this.planner = planner;
    this.catalog = catalog;
  }

  public CapacityPlan plan(DemandProfile profile, SizingOptions options) {
    List<ModelSizing> sizings = profile.demands().stream().map(d -> size(d, options)).toList();
    int total = sizings.stream().mapToInt(ModelSizing::gpus).sum();
    List<GrowthPoint> growth = new ArrayList<>();
    for (int m = 0; m <= options.months(); m++) {
      int month = m;
      int replicas = sizings.stream().mapToInt(s -> s.growth().isEmpty() ? 0 : s.growth().get(month).replicas()).sum();
      int gpus = sizings.stream().mapToInt(s -> s.growth().isEmpty() ? 0 : s.growth().get(month).gpus()).sum();
      growth.add(new GrowthPoint(m, demandFactor(profile, m), replicas, gpus));
    }
    return new CapacityPlan(profile, options, sizings, total, growth);
  }

  /** Growth of the whole profile after {@code months}, weighted by each class's peak output tokens/s. */
  private static double demandFactor(DemandProfile p, int months) {
    double now = 0;
    double then = 0;
    for (ModelDemand d : p.demands()) {
      double v = d.outputTokensPerSecond().peak();
      now += v;
      then += v * Math.pow(1 + d.monthlyGrowth(), months);
    }
    return now == 0 ? 1 : then / now;
  }

  /** Sizes one traffic class. */
  public ModelSizing size(ModelDemand demand, SizingOptions o) {
    ModelSpec model = catalog.model(demand.model());
    Workload w = workload(demand);
    List<Integer> degrees = new ArrayList<>();
    if (o.tensorParallel() > 0) {
      degrees.add(o.tensorParallel());
    } else {
      for (int tp = 1; tp <= o.maxTensorParallel() && model.attentionHeads() % tp == 0; tp *= 2) degrees.add(tp);
    }
    ThroughputEstimate best = null;
    double bestNeed = 0;
    ThroughputEstimate lastFailure = null;
    for (int tp : degrees) {
      ThroughputEstimate e = planner.throughput(new Deployment(model, o.gpu(), tp, o.weights(), o.kvCache()), w, o.targets());
      if (!e.serves()) {
        lastFailure = e;
        continue;
      }
      double need = replicasNeeded(e, demand, o.sizeFor(), o.headroom());
      if (best == null || gpus(need, tp) < gpus(bestNeed, best.gpus())) {
        best = e;
        bestNeed = need;
      }
    }
    List<String> notes = new ArrayList<>();
    if (best == null) {
      notes.add(String.format(Locale.ROOT, "%s cannot be served on %s at %s with tensor parallelism %s.",
          model.name(), o.gpu().name(), o.weights().id(), degrees));
      if (lastFailure != null) notes.addAll(lastFailure.notes());
      return new ModelSizing(demand, lastFailure, 0, 0, "-", Rates.ZERO, List.of(), notes);
    }
    int replicas = ceil(bestNeed);
    int tp = best.gpus();
    String sizedBy = sizedBy(best, demand, o);
    Rates utilization = replicas == 0 ? Rates.ZERO : new Rates(
        load(best, demand, Percentile.P50, replicas), load(best, demand, Percentile.P95, replicas),
        load(best, demand, Percentile.PEAK, replicas));
    List<GrowthPoint> growth = new ArrayList<>();
    for (int m = 0; m <= o.months(); m++) {
      double factor = Math.pow(1 + demand.monthlyGrowth(), m);
      int r = ceil(bestNeed * factor);
      growth.add(new GrowthPoint(m, factor, r, r * tp));
    }
    checkLengths(demand, model, best, notes);
    notes.addAll(best.notes());
    return new ModelSizing(demand, best, replicas, replicas * tp, sizedBy, utilization, growth, notes);
  }

  /** The request shape a demand implies: mean lengths, its cache share. */
  public static Workload workload(ModelDemand d) {
    return new Workload((int) Math.max(1, Math.round(d.inputLength().mean())),
        (int) Math.max(1, Math.round(d.outputLength().mean())), d.cacheShare());
  }

  /**
   * Replicas (unrounded) that carry the demand at {@code level} plus headroom: enough for the
   * output tokens, the input tokens and the concurrent requests, whichever needs most.
   */
  static double replicasNeeded(ThroughputEstimate e, ModelDemand d, Percentile level, double headroom) {
    double f = 1 + headroom;
    double out = d.outputTokensPerSecond().at(level) * f / e.outputTokensPerSecond();
    double in = d.inputTokensPerSecond().at(level) * f / e.inputTokensPerSecond();
    double conc = d.concurrentRequests().at(level) * f / Math.max(1, e.concurrency());
    return Math.max(out, Math.max(in, conc));
  }

  private static String sizedBy(ThroughputEstimate e, ModelDemand d, SizingOptions o) {
    double f = 1 + o.headroom();
    double out = d.outputTokensPerSecond().at(o.sizeFor()) * f / e.outputTokensPerSecond();
    double in = d.inputTokensPerSecond().at(o.sizeFor()) * f / e.inputTokensPerSecond();
    double conc = d.concurrentRequests().at(o.sizeFor()) * f / Math.max(1, e.concurrency());
    if (conc >= out && conc >= in) return "concurrent requests";
    return out >= in ? "output tokens" : "input tokens";
  }

  /** Share of the provisioned capacity the demand at {@code level} uses. */
  private static double load(ThroughputEstimate e, ModelDemand d, Percentile level, int replicas) {
    return replicasNeeded(e, d, level, 0) / replicas;
  }

  private static void checkLengths(ModelDemand d, ModelSpec model, ThroughputEstimate e, List<String> notes) {
    double p95 = d.inputLength().p95() + d.outputLength().p95();
    if (p95 > model.maxContext()) {
      notes.add(String.format(Locale.ROOT, "p95 request (%,.0f tokens) exceeds the %,d-token context of %s.",
          p95, model.maxContext(), model.name()));
    } else if (p95 > e.memory().kvTokenCapacity()) {
      notes.add(String.format(Locale.ROOT, "p95 request (%,.0f tokens) is larger than a replica's KV cache (%,d tokens).",
          p95, e.memory().kvTokenCapacity()));
    }
    if (e.fit() == Fit.KV_STARVED) {
      notes.add("Consider a higher tensor-parallel degree: this one is KV-cache-starved.");
    }
  }

  private static int gpus(double need, int tp) {
    return ceil(need) * tp;
  }

  private static int ceil(double v) {
    return v <= EPSILON ? 0 : (int) Math.ceil(v - EPSILON);
  }
}
