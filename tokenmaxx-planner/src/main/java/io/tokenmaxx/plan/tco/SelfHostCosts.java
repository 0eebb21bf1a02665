package io.tokenmaxx.plan.tco;

import io.tokenmaxx.plan.Checks;
import io.tokenmaxx.plan.GpuSpec;
import java.math.BigDecimal;

/**
 * What owning or renting one GPU costs.
 *
 * @param purchasePerGpu     purchase price of one GPU with its share of the server
 * @param amortizationYears  years the purchase is written off over
 * @param hostingPerGpuYear  data-centre space, cooling, network, support contracts and operations
 *                           staff, per GPU and year (power excluded)
 * @param energyPerKwh       price of electricity, USD per kWh
 * @param pue                power usage effectiveness of the data centre (total power / IT power)
 * @param idlePowerFraction  share of its TDP a GPU draws when idle; power rises linearly with load to TDP
 * @param rentalPerGpuHour   on-demand rental price of one GPU-hour (power and hosting included)
 * @param source             where these figures come from
 */
public record SelfHostCosts(
    BigDecimal purchasePerGpu,
    double amortizationYears,
    BigDecimal hostingPerGpuYear,
    BigDecimal energyPerKwh,
    double pue,
    double idlePowerFraction,
    BigDecimal rentalPerGpuHour,
    String source) {

  /** Defaults for what the GPU catalog does not say: see README.md (assumptions). */
  public static final double DEFAULT_YEARS = 3;
  public static final BigDecimal DEFAULT_HOSTING_PER_GPU_YEAR = new BigDecimal("4000");
  public static final BigDecimal DEFAULT_ENERGY_PER_KWH = new BigDecimal("0.12");
  public static final double DEFAULT_PUE = 1.3;
  public static final double DEFAULT_IDLE_POWER_FRACTION = 0.3;

  public SelfHostCosts {
    nonNegative(purchasePerGpu, "GPU purchase price");
    Checks.positive(amortizationYears, "amortization years");
    nonNegative(hostingPerGpuYear, "hosting per GPU-year");
    nonNegative(energyPerKwh, "energy price");
    if (!(pue >= 1) || Double.isInfinite(pue)) throw new IllegalArgumentException("PUE must be >= 1, was " + pue);
    Checks.fraction(idlePowerFraction, "idle power fraction");
    nonNegative(rentalPerGpuHour, "rental price per GPU-hour");
    source = source == null ? "" : source;
  }

  /** The GPU catalog's prices and the default hosting, energy and amortization assumptions. */
  public static SelfHostCosts defaults(GpuSpec gpu) {
    return new SelfHostCosts(gpu.purchasePriceUsd(), DEFAULT_YEARS, DEFAULT_HOSTING_PER_GPU_YEAR,
        DEFAULT_ENERGY_PER_KWH, DEFAULT_PUE, DEFAULT_IDLE_POWER_FRACTION, gpu.rentalUsdPerHour(),
        gpu.priceSource() + (gpu.priceAsOf().isEmpty() ? "" : " (" + gpu.priceAsOf() + ")"));
  }

  public SelfHostCosts withPurchasePerGpu(BigDecimal v) {
    return new SelfHostCosts(v, amortizationYears, hostingPerGpuYear, energyPerKwh, pue, idlePowerFraction,
        rentalPerGpuHour, "given");
  }

  public SelfHostCosts withRentalPerGpuHour(BigDecimal v) {
    return new SelfHostCosts(purchasePerGpu, amortizationYears, hostingPerGpuYear, energyPerKwh, pue,
        idlePowerFraction, v, "given");
  }

  public SelfHostCosts withEnergyPerKwh(BigDecimal v) {
    return new SelfHostCosts(purchasePerGpu, amortizationYears, hostingPerGpuYear, v, pue, idlePowerFraction,
        rentalPerGpuHour, source);
  }

  private static void nonNegative(BigDecimal v, String what) {
    if (v == null || v.signum() < 0) throw new IllegalArgumentException(what + " must be a number >= 0");
  }
}
