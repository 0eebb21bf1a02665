package io.tokenmaxx.gateway.record;

import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What the gateway records about one request: the normalized usage (source {@code gateway}, served
 * model, person, key identity, disjoint tokens, cost at the price in force with its provenance,
 * latency, status, prompt hash — never prompt or answer text) and what only the gateway knows.
 *
 * @param usage          the normalized record ({@code usage.cost} covers every attempt)
 * @param keyId          the virtual key's id, null in pass-through mode
 * @param team           the team the request counted against, null when none
 * @param endpoint       {@code anthropic:/v1/messages}, {@code openai:/v1/chat/completions}, ...
 * @param requestedModel the model the client asked for
 * @param servedModel    the model that answered (as the upstream named it)
 * @param upstream       the upstream that answered (null when none did)
 * @param httpStatus     the status the client got
 * @param ttftMs         time to the first byte of the answer sent to the client, null when none was
 * @param streamed       the client asked for a stream
 * @param estimated      token counts came from a tokenizer (no usage reported, or a cut-off stream)
 * @param strategy       the routing strategy ({@code direct} without a route, {@code pass-through})
 * @param attempts       every target tried, in order
 * @param escalation     the cascade rule that escalated, null when none did
 * @param strongCost     for a cascade: what the request would have cost at its strongest target
 * @param error          what went wrong when the request failed, null otherwise (no prompt content)
 */
public record GatewayRecord(UsageRecord usage, String keyId, String team, String endpoint, String requestedModel,
    String servedModel, String upstream, int httpStatus, Long ttftMs, boolean streamed, boolean estimated,
    String strategy, List<Attempt> attempts, String escalation, BigDecimal strongCost, String error) {

  public GatewayRecord {
    Objects.requireNonNull(usage, "usage");
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }

  /** Every usage this request caused: the served answer and the answers a cascade escalated past. */
  public List<io.tokenmaxx.model.UsageRecord> allUsage() {
    java.util.ArrayList<io.tokenmaxx.model.UsageRecord> out = new java.util.ArrayList<>();
    for (Attempt a : attempts) if (a.usage() != null) out.add(a.usage());
    out.add(usage);
    return out;
  }

  /** What the request cost in all (escalated answers included); null when a part is unpriced. */
  public BigDecimal totalCost() {
    BigDecimal sum = BigDecimal.ZERO;
    for (io.tokenmaxx.model.UsageRecord u : allUsage()) {
      if (u.requests() == 0 && u.totalTokens() == 0) continue;
      if (u.effectiveCost() == null) return null;
      sum = sum.add(u.effectiveCost());
    }
    return sum;
  }

  /** This request as a cascade outcome for {@link io.tokenmaxx.gateway.route.Savings}; null when not cascaded. */
  public io.tokenmaxx.gateway.route.Savings.Outcome cascadeOutcome() {
    if (!"cascade".equals(strategy) || strongCost == null) return null;
    return new io.tokenmaxx.gateway.route.Savings.Outcome(requestedModel, totalCost(), strongCost, escalation != null);
  }
}
