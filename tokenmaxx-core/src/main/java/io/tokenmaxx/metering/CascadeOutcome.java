package io.tokenmaxx.metering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One request a cheap-first cascade answered, as the gateway recorded it: what it cost against
 * what it would have cost at the route's strongest model.
 *
 * @param id         the request's record id (the dedupe key)
 * @param timestamp  when the request started
 * @param modelClass the model name the client asked for (the route)
 * @param actualCost what it cost, every attempt included (an escalated request paid for the cheap answer too)
 * @param strongCost what it would have cost at the strongest target with the same tokens
 * @param escalated  whether the cheap answer was replaced
 */
public record CascadeOutcome(String id, Instant timestamp, String modelClass, BigDecimal actualCost,
    BigDecimal strongCost, boolean escalated) {

  public CascadeOutcome {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(modelClass, "modelClass");
    Objects.requireNonNull(actualCost, "actualCost");
    Objects.requireNonNull(strongCost, "strongCost");
  }
}
