package io.tokenmaxx.plan.capacity;

import java.util.List;

/**
 * GPUs to serve a demand profile.
 *
 * @param profile   the demand
 * @param options   how it was sized
 * @param sizings   one per traffic class
 * @param totalGpus GPUs for all of it now
 * @param growth    GPUs for all of it month by month
 */
public record CapacityPlan(
    DemandProfile profile,
    SizingOptions options,
    List<ModelSizing> sizings,
    int totalGpus,
    List<GrowthPoint> growth) {

  public CapacityPlan {
    sizings = List.copyOf(sizings);
    growth = List.copyOf(growth);
  }

  /** Whether every traffic class can be served. */
  public boolean allServed() {
    return sizings.stream().allMatch(ModelSizing::served);
  }
}
