package io.tokenmaxx.plan.capacity;

import java.util.List;

/**
 * An organization's token demand, per class of traffic. Filled from recorded usage by the server,
 * or written by hand (JSON, flags) for what-if scenarios.
 *
 * @param name    what this profile describes
 * @param demands one entry per traffic class
 */
public record DemandProfile(String name, List<ModelDemand> demands) {

  public DemandProfile {
    name = name == null ? "" : name;
    if (demands == null || demands.isEmpty()) throw new IllegalArgumentException("demand profile has no models");
    demands = List.copyOf(demands);
  }

  public static DemandProfile of(ModelDemand demand) {
    return new DemandProfile("", List.of(demand));
  }

  /** Every rate times {@code factor}. */
  public DemandProfile scaled(double factor) {
    return new DemandProfile(name, demands.stream().map(d -> d.scaled(factor)).toList());
  }
}
