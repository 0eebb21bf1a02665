package io.tokenmaxx.plan;

/** The largest part of an engine step. */
public enum Bottleneck {
  /** Tensor-core math: large batches and prefill. */
  COMPUTE,
  /** Streaming the weights from memory: small batches. */
  WEIGHT_READ,
  /** Streaming the batch's KV cache from memory: long contexts. */
  KV_CACHE_READ,
  /** Tensor-parallel all-reduces between GPUs. */
  COMMUNICATION,
  /** Fixed per-step cost of the engine. */
  STEP_OVERHEAD
}
