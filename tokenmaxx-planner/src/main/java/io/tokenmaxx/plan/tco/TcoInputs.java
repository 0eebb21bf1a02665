package io.tokenmaxx.plan.tco;

import io.tokenmaxx.plan.Checks;
import io.tokenmaxx.plan.ThroughputEstimate;
import io.tokenmaxx.plan.catalog.ApiPrice;

/**
 * Everything a buy / rent / API comparison needs.
 *
 * @param replica       what one replica delivers (from {@link io.tokenmaxx.plan.Planner}); it must serve the workload
 * @param costs         what a GPU costs to own or rent
 * @param api           what the API charges
 * @param volume        the token volume and its shape in time
 * @param headroom      spare capacity above the peak (0.2 = 20 %)
 * @param horizonMonths months of the cumulative comparison
 */
public record TcoInputs(
    ThroughputEstimate replica,
    SelfHostCosts costs,
    ApiPrice api,
    TokenVolume volume,
    double headroom,
    int horizonMonths) {

  public TcoInputs {
    if (replica == null) throw new IllegalArgumentException("replica estimate is missing");
    if (!replica.serves() || replica.outputTokensPerSecond() <= 0) {
      throw new IllegalArgumentException("the deployment cannot serve this workload: " + String.join(" ", replica.notes()));
    }
    if (costs == null) throw new IllegalArgumentException("self-hosting costs are missing");
    if (api == null) throw new IllegalArgumentException("API price is missing");
    if (volume == null) throw new IllegalArgumentException("token volume is missing");
    Checks.nonNegative(headroom, "headroom");
    Checks.positive(horizonMonths, "horizon months");
  }
}
