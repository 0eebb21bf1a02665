package io.tokenmaxx.gateway.route;

import java.util.Objects;

/**
 * One place a model can be served: an upstream and the model's name there.
 *
 * @param upstream      name of a configured upstream
 * @param model         the model name the upstream knows (a route may map one name to several)
 * @param weight        share for the weighted strategy (1 by default)
 * @param price         configured price, null to use the price catalog for {@code model}
 * @param contextWindow the model's context window in tokens, 0 when not said (the cascade's
 *                      context rule skips a target whose window the prompt does not fit)
 */
public record Target(String upstream, String model, int weight, TargetPrice price, long contextWindow) {
  public Target {
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(model, "model");
    if (weight < 0) throw new IllegalArgumentException("weight must not be negative");
    if (contextWindow < 0) throw new IllegalArgumentException("context window must not be negative");
  }

  /** The key under which routing statistics are kept. */
  public String key() {
    return upstream + "/" + model;
  }
}
