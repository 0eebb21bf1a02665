package io.tokenmaxx.plan.tco;

/** Ways to serve the tokens. */
public enum Option {
  /** Own the GPUs. */
  BUY,
  /** Rent the GPUs. */
  RENT,
  /** Stay on the API. */
  API
}
