package io.tokenmaxx.plan;

/** Whether a deployment can serve a workload, and how well. */
public enum Fit {
  /** Serves the workload. */
  FITS,
  /**
   * Serves it, but the KV cache holds so few sequences that re-reading the weights for a small
   * batch is the largest part of each step: memory capacity, not compute, limits throughput; more
   * GPUs (tensor parallel), an FP8 KV cache or a larger GPU would raise tokens/s per GPU.
   */
  KV_STARVED,
  /** Fits in memory, but even one sequence misses the latency target. */
  LATENCY_UNMET,
  /** Weights and runtime do not fit, or the KV cache cannot hold one sequence, or the context is too long. */
  DOES_NOT_FIT
}
