package io.tokenmaxx.gateway.route;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where requests for one model name go.
 *
 * @param model      the model name clients ask for ({@code *} matches any name without a route of its own)
 * @param strategy   how the targets are ordered
 * @param targets    where it can be served (for a cascade: cheapest first, strongest last)
 * @param escalateOn a cascade's rules (empty for other strategies)
 */
public record Route(String model, Strategy strategy, List<Target> targets, Set<Escalation> escalateOn) {
  public Route {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(strategy, "strategy");
    targets = List.copyOf(targets);
    escalateOn = escalateOn == null ? Set.of() : Set.copyOf(escalateOn);
    if (targets.isEmpty()) throw new IllegalArgumentException("a route needs at least one target");
  }
}
