package io.tokenmaxx.plan.capacity;

import io.tokenmaxx.plan.ThroughputEstimate;
import java.util.List;

/**
 * GPUs for one class of traffic.
 *
 * @param demand          the demand sized
 * @param estimate        what one replica delivers for this traffic (maximum load, latency-capped)
 * @param replicas        replicas needed now
 * @param gpus            GPUs needed now (replicas x tensor parallel); 0 when it cannot be served
 * @param sizedBy         what set the replica count: output tokens, input tokens or concurrency
 * @param utilization     load at p50 / p95 / peak as a share of the provisioned capacity
 * @param growth          GPUs needed month by month
 * @param notes           explanations and warnings
 */
public record ModelSizing(
    ModelDemand demand,
    ThroughputEstimate estimate,
    int replicas,
    int gpus,
    String sizedBy,
    Rates utilization,
    List<GrowthPoint> growth,
    List<String> notes) {

  public ModelSizing {
    growth = List.copyOf(growth);
    notes = List.copyOf(notes);
  }

  /** Whether this traffic can be served on the chosen GPU at all. */
  public boolean served() {
    return estimate != null && estimate.serves();
  }
}
