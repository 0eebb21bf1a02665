package io.tokenmaxx.plan;

/** What caps the number of sequences decoded together. */
public enum Limiter {
  /** The KV cache is full (each sequence reserves its prompt plus answer). */
  KV_CACHE,
  /** The engine's maximum batch size. */
  MAX_BATCH,
  /**
   * The engine's token budget per step: the decode batch plus the prompt tokens that keep it fed
   * must fit in max tokens per step, so prompt-heavy workloads decode fewer sequences at once.
   */
  STEP_TOKEN_BUDGET,
  /** A TTFT or ITL target. */
  LATENCY_TARGET,
  /** Nothing runs: the deployment does not fit. */
  NONE
}
