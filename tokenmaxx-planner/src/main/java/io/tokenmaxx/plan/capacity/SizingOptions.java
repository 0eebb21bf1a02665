package io.tokenmaxx.plan.capacity;

import io.tokenmaxx.plan.Checks;
import io.tokenmaxx.plan.GpuSpec;
import io.tokenmaxx.plan.LatencyTargets;
import io.tokenmaxx.plan.Precision;

/**
 * How to size: on which GPU, at which precision, with how much headroom and which latency targets.
 *
 * @param gpu               GPU every replica uses
 * @param weights           weight precision
 * @param kvCache           KV-cache precision, or null for the default for {@code weights}
 * @param tensorParallel    GPUs per replica, or 0 to pick the degree that needs the fewest GPUs
 * @param maxTensorParallel largest degree tried when picking (GPUs in one NVLink domain, usually 8)
 * @param headroom          spare capacity above the sized demand (0.2 = 20 %)
 * @param targets           latency targets; they cap each replica's batch
 * @param sizeFor           which busy-minute level must be served
 * @param months            months of growth to project
 */
public record SizingOptions(
    GpuSpec gpu,
    Precision weights,
    Precision kvCache,
    int tensorParallel,
    int maxTensorParallel,
    double headroom,
    LatencyTargets targets,
    Percentile sizeFor,
    int months) {

  public SizingOptions {
    if (gpu == null) throw new IllegalArgumentException("gpu is missing");
    if (weights == null) throw new IllegalArgumentException("weight precision is missing");
    if (tensorParallel < 0) throw new IllegalArgumentException("tensor parallel degree must be >= 0 (0 = pick)");
    Checks.positive(maxTensorParallel, "max tensor parallel degree");
    Checks.nonNegative(headroom, "headroom");
    if (targets == null) targets = LatencyTargets.NONE;
    if (sizeFor == null) sizeFor = Percentile.PEAK;
    if (months < 0) throw new IllegalArgumentException("months must be >= 0");
  }

  /** Peak demand, 20 % headroom, no latency target, tensor parallelism picked up to 8, 12 months projected. */
  public static SizingOptions defaults(GpuSpec gpu, Precision weights) {
    return new SizingOptions(gpu, weights, null, 0, 8, 0.2, LatencyTargets.NONE, Percentile.PEAK, 12);
  }

  public SizingOptions withTensorParallel(int tp) {
    return new SizingOptions(gpu, weights, kvCache, tp, maxTensorParallel, headroom, targets, sizeFor, months);
  }

  public SizingOptions withTargets(LatencyTargets t) {
    return new SizingOptions(gpu, weights, kvCache, tensorParallel, maxTensorParallel, headroom, t, sizeFor, months);
  }

  public SizingOptions withHeadroom(double h) {
    return new SizingOptions(gpu, weights, kvCache, tensorParallel, maxTensorParallel, h, targets, sizeFor, months);
  }
}
