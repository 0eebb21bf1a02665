package io.tokenmaxx.plan.tco;

import io.tokenmaxx.plan.Units;

/**
 * Monthly costs as functions of the monthly token volume s, in doubles (money is rounded to cents
 * only when reported). GPUs come in whole replicas sized for the peak:
 * replicas(s) = ceil(s x k), with k = max(output share / output capacity, input share / input
 * capacity) x peak-to-average x (1 + headroom) / seconds per month. Owning costs r x I + S x s
 * within a replica count (I: per-replica fixed cost and idle power; S: power rising with load),
 * renting r x I, the API a x s.
 */
final class CostModel {
  final double k;          // replicas per (token/month), at the peak with headroom
  final double k0;         // replica-capacities per (token/month), on average
  final int tp;
  final double buyFixedPerGpu;   // amortized purchase + hosting + idle power, per month
  final double buyPowerSlope;    // extra power cost per GPU-month at full load over idle
  final double amortPerGpu;
  final double hostingPerGpu;
  final double idlePowerPerGpu;
  final double rentPerGpu;
  final double apiPerToken;      // blended USD per token
  final double purchasePerGpu;

  CostModel(TcoInputs in, double priceFactor, double apiFactor, double throughputFactor,
      double peakFactor, double energyFactor) {
    TokenVolume v = in.volume();
    var e = in.replica();
    double outShare = v.outputShare();
    double inShare = 1 - outShare;
    double capOut = e.outputTokensPerSecond() * throughputFactor;
    double capIn = e.inputTokensPerSecond() * throughputFactor;
    double perCapacity = Math.max(outShare / capOut, inShare / capIn) / Units.SECONDS_PER_MONTH;
    double peak = Math.max(1, v.peakToAverage() * peakFactor);
    this.k0 = perCapacity;
    this.k = perCapacity * peak * (1 + in.headroom());
    this.tp = e.gpus();
    SelfHostCosts c = in.costs();
    this.purchasePerGpu = c.purchasePerGpu().doubleValue() * priceFactor;
    this.amortPerGpu = purchasePerGpu / (c.amortizationYears() * 12);
    this.hostingPerGpu = c.hostingPerGpuYear().doubleValue() / 12;
    double kwhAtTdp = e.deployment().gpu().tdpWatts() / 1000 * c.pue() * Units.HOURS_PER_MONTH;
    double energy = c.energyPerKwh().doubleValue() * energyFactor;
    this.idlePowerPerGpu = kwhAtTdp * c.idlePowerFraction() * energy;
    this.buyPowerSlope = kwhAtTdp * (1 - c.idlePowerFraction()) * energy;
    this.buyFixedPerGpu = amortPerGpu + hostingPerGpu + idlePowerPerGpu;
    this.rentPerGpu = c.rentalPerGpuHour().doubleValue() * Units.HOURS_PER_MONTH;
    var api = in.api();
    double cached = v.cachedInputShare();
    double inputPrice = (1 - cached) * api.inputPerMillion().doubleValue()
        + cached * api.cachedInputPerMillion().doubleValue();
    this.apiPerToken = (inShare * inputPrice + outShare * api.outputPerMillion().doubleValue()) * apiFactor / 1e6;
  }

  int replicas(double s) {
    return s <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.ceil(s * k - 1e-9));
  }

  int gpus(double s) {
    return replicas(s) * tp;
  }

  /** Average share of the provisioned capacity in use. */
  double load(double s) {
    int r = replicas(s);
    return r == 0 ? 0 : Math.min(1, s * k0 / r);
  }

  double power(double s) {
    return gpus(s) * (idlePowerPerGpu + buyPowerSlope * load(s));
  }

  double buy(double s) {
    return gpus(s) * (amortPerGpu + hostingPerGpu) + power(s);
  }

  double rent(double s) {
    return gpus(s) * rentPerGpu;
  }

  double api(double s) {
    return s * apiPerToken;
  }

  /** Per-replica intercept of owning (I) and its slope in s (S): buy(s) = r I + S s. */
  double buyIntercept() {
    return tp * buyFixedPerGpu;
  }

  double buySlope() {
    return tp * buyPowerSlope * k0;
  }

  double rentIntercept() {
    return tp * rentPerGpu;
  }

  /**
   * Lowest volume at which the option (r I + S s) costs no more than the API (a s), or NaN if
   * none. Within the first replica it is I / (a - S); a later replica count never crosses first,
   * because every band ends at r times the first band's margin.
   */
  double firstBreakeven(double intercept, double slope) {
    double margin = apiPerToken - slope;
    if (margin <= 0) return Double.NaN;
    double s = intercept / margin;
    return s <= 1 / k + 1e-9 * (1 / k) ? s : Double.NaN;
  }

  /**
   * Volume above which the option is never dearer than the API, or NaN if there is none. Each
   * added replica costs I up front, so just past a replica boundary the API can win again; from
   * r0 = ceil(D / (D - I)) replicas on (D = (a - S) / k, the margin a full replica earns) it cannot.
   */
  double sustainedBreakeven(double intercept, double slope) {
    double margin = apiPerToken - slope;
    double d = margin / k;
    if (margin <= 0 || d <= intercept) return Double.NaN;
    double r0 = Math.ceil(d / (d - intercept) - 1e-12);
    return Math.max(r0 - 1, 1) * intercept / margin;
  }
}
