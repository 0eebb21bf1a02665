package io.tokenmaxx.server.plan;

import io.tokenmaxx.plan.capacity.ModelDemand;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A capacity or cost question: the recorded demand (or one given whole) with what-ifs applied, and
 * how to serve it. Every field is optional; what is left out takes the default in brackets.
 *
 * @param days               recorded window ending now [28]
 * @param demand             a demand to plan instead of the recorded one (what-if from scratch)
 * @param scale              multiplies every rate and volume, e.g. 2 for twice the traffic [1]
 * @param monthlyGrowth      growth per month for every class, e.g. 0.05 [as recorded]
 * @param classes            per class: another self-hosted model or API, a busy-minute peak, or leave it out
 * @param gpu                GPU from the planner's catalog [H100]
 * @param precision          weight precision: bf16, fp8, int4 [fp8]
 * @param tensorParallel     GPUs per replica; 0 picks it [0]
 * @param maxTensorParallel  largest degree tried when picking [8]
 * @param headroom           spare capacity over the sized level [0.2]
 * @param sizeFor            busy-minute level to serve: p50, p95, peak [peak]
 * @param ttftMs             time-to-first-token target [none]
 * @param itlMs              inter-token latency target [none]
 * @param months             months of growth to project [12]
 * @param gpuPrice           purchase price per GPU with its server share, USD [catalog]
 * @param rentPerGpuHour     rental price per GPU-hour, USD [catalog]
 * @param energyPerKwh       electricity, USD per kWh [0.12]
 * @param amortizationYears  years a purchase is written off over [3]
 * @param hostingPerGpuYear  hosting and operations per GPU-year, power excluded, USD [4000]
 * @param apiPriceFactor     multiplies every API price (0.8 for a 20 % discount) [1]
 * @param horizonMonths      months of the cumulative comparison [36]
 */
public record PlanRequest(
    Integer days,
    List<ModelDemand> demand,
    Double scale,
    Double monthlyGrowth,
    Map<String, ClassChoice> classes,
    String gpu,
    String precision,
    Integer tensorParallel,
    Integer maxTensorParallel,
    Double headroom,
    String sizeFor,
    Double ttftMs,
    Double itlMs,
    Integer months,
    BigDecimal gpuPrice,
    BigDecimal rentPerGpuHour,
    BigDecimal energyPerKwh,
    Double amortizationYears,
    BigDecimal hostingPerGpuYear,
    Double apiPriceFactor,
    Integer horizonMonths) {

  /** Nothing changed: the recorded demand on the defaults. */
  public static final PlanRequest DEFAULTS = new PlanRequest(null, null, null, null, null, null, null, null, null,
      null, null, null, null, null, null, null, null, null, null, null, null);

  public PlanRequest {
    classes = classes == null ? Map.of() : Map.copyOf(classes);
  }

  /**
   * A what-if for one class.
   *
   * @param model                     open-weight model that would serve it (planner catalog name)
   * @param apiModel                  API price it is compared with (planner catalog name)
   * @param peakOutputTokensPerSecond the busiest minute's generated tokens/s (input scales along)
   * @param include                   false leaves the class out of the plan
   */
  public record ClassChoice(String model, String apiModel, Double peakOutputTokensPerSecond, Boolean include) {}

  public int daysOr() {
    return days == null ? DemandProfiler.DEFAULT_DAYS : days;
  }
}
