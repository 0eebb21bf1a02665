package io.tokenmaxx.metering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How the gateway routed one request: every target it tried, in order, why it moved on and what
 * each try cost. Never prompt or answer text (reasons are the gateway's own words and upstream
 * error messages cut short).
 *
 * @param id             the request's record id (the dedupe key)
 * @param timestamp      when the request started
 * @param keyId          the gateway key's id, null in pass-through mode
 * @param person         the person the request is attributed to, null when none
 * @param team           the team it counted against, null when none
 * @param endpoint       {@code anthropic:/v1/messages}, ...
 * @param requestedModel the model the client asked for
 * @param servedModel    the model that answered, null when none did
 * @param upstream       the upstream that answered, null when none did
 * @param httpStatus     the status the client got
 * @param strategy       the routing strategy ({@code direct} without a route, {@code pass-through})
 * @param escalation     the cascade rule that escalated, null when none did
 * @param cost           what the request cost in all, null when a part is unpriced
 * @param attempts       every target tried, in order
 */
public record RoutingDecision(String id, Instant timestamp, String keyId, String person, String team,
    String endpoint, String requestedModel, String servedModel, String upstream, int httpStatus, String strategy,
    String escalation, BigDecimal cost, List<Try> attempts) {

  public RoutingDecision {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(strategy, "strategy");
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }

  /**
   * One try at one target.
   *
   * @param upstream  the upstream's name
   * @param model     the model asked for there
   * @param status    the upstream's HTTP status, null when none came
   * @param outcome   {@code served}, {@code failed} (fell back), {@code escalated}, {@code skipped}
   * @param reason    why it failed, was escalated or skipped; null when served
   * @param latencyMs time spent on it
   * @param cost      what its answer cost, null when unknown or none
   */
  public record Try(String upstream, String model, Integer status, String outcome, String reason, long latencyMs,
      BigDecimal cost) {
    public Try {
      Objects.requireNonNull(upstream, "upstream");
      Objects.requireNonNull(outcome, "outcome");
    }
  }
}
