package io.tokenmaxx.gateway.record;

import java.math.BigDecimal;

/**
 * One try of a routed request at one target.
 *
 * @param upstream  the upstream's name
 * @param model     the model asked for there
 * @param status    the upstream's HTTP status, null when none came (connection error, timeout)
 * @param outcome   {@code served} (its answer went to the client), {@code failed} (fell back),
 *                  {@code escalated} (a cascade replaced its answer), {@code skipped} (not tried)
 * @param reason    why it failed, was escalated or skipped; null when served
 * @param latencyMs time spent on it
 * @param cost      what its answer cost (escalated answers are paid for too), null when unknown or none
 * @param usage     for an escalated attempt: the usage it caused (its own record, a model the client
 *                  did not get the answer of); null otherwise (the served answer is the record's usage)
 */
public record Attempt(String upstream, String model, Integer status, String outcome, String reason,
    long latencyMs, BigDecimal cost, io.tokenmaxx.model.UsageRecord usage) {
  public static final String SERVED = "served";
  public static final String FAILED = "failed";
  public static final String ESCALATED = "escalated";
  public static final String SKIPPED = "skipped";
}
