package io.tokenmaxx.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * An accelerator as its datasheet describes it, plus what it costs to buy or rent.
 *
 * @param name               short name, e.g. {@code H100}
 * @param aliases            other names it is known by
 * @param description        full product name
 * @param memoryGiB          device memory; HBM capacities in datasheets are binary (80 GB = 80 GiB)
 * @param memoryBandwidthTBps peak memory bandwidth, 10^12 bytes/s
 * @param bf16Tflops         dense BF16/FP16 tensor throughput, 10^12 FLOP/s (without sparsity)
 * @param fp8Tflops          dense FP8 tensor throughput; 0 where the GPU has no FP8 tensor cores
 * @param int4Tops           dense INT4 tensor throughput where the datasheet gives it, else 0
 *                           (informational: weight-only INT4 kernels multiply in BF16)
 * @param interconnectGBps   GPU-to-GPU bandwidth per direction, 10^9 bytes/s (NVLink, Infinity
 *                           Fabric, or PCIe where there is none)
 * @param tdpWatts           board power limit
 * @param purchasePriceUsd   price of one GPU including its share of the server around it
 * @param rentalUsdPerHour   on-demand rental price of one GPU for one hour
 * @param datasheet          where the hardware figures come from
 * @param priceSource        where the prices come from, and that they are assumptions
 * @param priceAsOf          when the prices were taken (e.g. {@code 2025-07})
 */
public record GpuSpec(
    String name,
    List<String> aliases,
    String description,
    double memoryGiB,
    double memoryBandwidthTBps,
    double bf16Tflops,
    double fp8Tflops,
    double int4Tops,
    double interconnectGBps,
    double tdpWatts,
    BigDecimal purchasePriceUsd,
    BigDecimal rentalUsdPerHour,
    String datasheet,
    String priceSource,
    String priceAsOf) {

  public GpuSpec {
    Checks.notBlank(name, "gpu name");
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    String at = "gpu " + name + ": ";
    Checks.positive(memoryGiB, at + "memory_gib");
    Checks.positive(memoryBandwidthTBps, at + "memory_bandwidth_tb_s");
    Checks.positive(bf16Tflops, at + "dense_tflops.bf16");
    Checks.nonNegative(fp8Tflops, at + "dense_tflops.fp8");
    Checks.nonNegative(int4Tops, at + "dense_tflops.int4");
    Checks.positive(interconnectGBps, at + "interconnect_gb_s");
    Checks.positive(tdpWatts, at + "tdp_watts");
    if (purchasePriceUsd == null || purchasePriceUsd.signum() < 0) {
      throw new IllegalArgumentException(at + "purchase_price_usd must be >= 0");
    }
    if (rentalUsdPerHour == null || rentalUsdPerHour.signum() < 0) {
      throw new IllegalArgumentException(at + "rental_usd_per_gpu_hour must be >= 0");
    }
    description = description == null ? name : description;
    datasheet = datasheet == null ? "" : datasheet;
    priceSource = priceSource == null ? "" : priceSource;
    priceAsOf = priceAsOf == null ? "" : priceAsOf;
  }

  /** Device memory in bytes. */
  public double memoryBytes() {
    return memoryGiB * Units.GIB;
  }

  /** Peak memory bandwidth in bytes/s. */
  public double memoryBandwidth() {
    return memoryBandwidthTBps * 1e12;
  }

  /** Interconnect bandwidth per direction in bytes/s. */
  public double interconnectBandwidth() {
    return interconnectGBps * 1e9;
  }

  /** Whether the tensor cores compute in FP8. */
  public boolean hasFp8() {
    return fp8Tflops > 0;
  }

  /**
   * Peak dense FLOP/s of the matrix multiplies for weights stored at {@code weights}: FP8 weights
   * run FP8 GEMMs where the GPU has FP8 tensor cores (W8A8); otherwise, and for INT4 weights
   * (weight-only W4A16 kernels), the weights are widened and multiplied in BF16.
   */
  public double gemmFlops(Precision weights) {
    return (weights == Precision.FP8 && hasFp8() ? fp8Tflops : bf16Tflops) * 1e12;
  }

  /** Peak dense BF16 FLOP/s (attention and the 16-bit output head run at this rate). */
  public double bf16Flops() {
    return bf16Tflops * 1e12;
  }
}
