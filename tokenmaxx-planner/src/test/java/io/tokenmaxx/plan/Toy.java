package io.tokenmaxx.plan;

import java.math.BigDecimal;
import java.util.List;

/** Round-numbered model, GPU and engine profile so the tests can show their arithmetic. */
public final class Toy {
  private Toy() {}

  /**
   * A dense model whose body is exactly 10e9 parameters: vocabulary 100,000 x hidden 4,096 =
   * 409.6e6 per matrix, two untied matrices = 819.2e6, total 10,819,200,000.
   */
  public static final ModelSpec MODEL = new ModelSpec("Toy-10B", List.of("toy"), 10_819_200_000L, 10_819_200_000L,
      40, 4096, 32, 8, 128, 128, 100_000, 16_384, false, 0, 0, 0, 0, 131_072, "test");

  /** 80 GiB, 2 TB/s, 1,000 TFLOP/s BF16, 2,000 FP8, 400 GB/s links, 500 W, $20,000, $2/h. */
  public static final GpuSpec GPU = new GpuSpec("ToyGPU", List.of(), "toy", 80, 2.0, 1000, 2000, 0, 400, 500,
      new BigDecimal("20000"), new BigDecimal("2"), "test", "test", "2025-01");

  /**
   * GEMM efficiency 0.5 whatever the shape, bandwidth 0.8, perfect overlap (a plain roofline), 1 ms
   * per step and nothing per layer, batch 256, 8,192 tokens/step, chunked prefill, KV 0.9, 2 GiB,
   * 5 us per all-reduce hop, links 0.5.
   */
  public static final EngineProfile PROFILE = new EngineProfile(
      0.5, 0, 0.8, Double.POSITIVE_INFINITY, 0.001, 0, 256, 8192, true, 0.9, 2.0, 5e-6, 0.5);

  public static Deployment fp8(int tp) {
    return new Deployment(MODEL, GPU, tp, Precision.FP8, Precision.FP8);
  }
}
