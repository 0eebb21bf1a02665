package io.tokenmaxx.collect.otlp;

import io.tokenmaxx.collect.otlp.MetricCatalog.Family;
import io.tokenmaxx.collect.otlp.MetricCatalog.Slot;
import io.tokenmaxx.collect.otlp.OtlpBatch.Scope;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.Sources;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The metric points of one interval that make one usage record: every token type and the cost
 * reported for the same resource, scope, attributes (but the type) and window.
 */
final class UsageGroup {
  final String id;
  final Family family;
  final Instant timestamp;
  final String model;
  final String provider;
  final String sessionId;
  final String project;
  final List<RawIdentity> identities;
  private final long[] tokens = new long[Slot.values().length];
  private BigDecimal cost;
  private long requests;
  private boolean contributed;
  int points;

  UsageGroup(String id, Family family, Instant timestamp, String model, String provider,
      String sessionId, String project, List<RawIdentity> identities) {
    this.id = id;
    this.family = family;
    this.timestamp = timestamp;
    this.model = model;
    this.provider = provider;
    this.sessionId = sessionId;
    this.project = project;
    this.identities = identities;
  }

  void addTokens(Slot slot, Delta d, String metric) {
    if (d == null || d.isZero()) return;
    long n = Attrs.countOf("value of " + metric, d.value());
    try {
      tokens[slot.ordinal()] = Math.addExact(tokens[slot.ordinal()], n);
    } catch (ArithmeticException e) {
      throw new Rejected(metric + " overflows a 64-bit token count");
    }
    contributed |= n > 0;
  }

  void addRequests(long n) {
    requests += n;
  }

  void addCost(Delta d) {
    if (d == null || d.isZero()) return;
    BigDecimal c = d.decimal();
    cost = cost == null ? c : cost.add(c);
    contributed |= c.signum() > 0;
  }

  /** The scope whose log events or spans would make these counts redundant; null if none. */
  Scope scope() {
    if (family.isAgent()) return sessionId == null ? null : new Scope(family.tool, sessionId, null);
    return project == null ? null : new Scope(family.tool, null, project);
  }

  /** The record, or null when the points added nothing. */
  UsageRecord toRecord() {
    if (!contributed) return null;
    long input = tokens[Slot.INPUT.ordinal()];
    long cacheRead = tokens[Slot.CACHE_READ.ordinal()];
    if (family.inputIncludesCacheRead && input >= cacheRead) input -= cacheRead;
    input += tokens[Slot.EXTRA_INPUT.ordinal()];
    return UsageRecord.builder()
        .id(id)
        .timestamp(timestamp)
        .source(Sources.OTLP)
        .tool(family.tool)
        .provider(provider)
        .model(model)
        .identity(identities.isEmpty() ? null : identities.get(0))
        .sessionId(sessionId)
        .project(project)
        .inputTokens(input)
        .outputTokens(tokens[Slot.OUTPUT.ordinal()])
        .cacheReadTokens(cacheRead)
        .cacheWrite5mTokens(tokens[Slot.CACHE_WRITE.ordinal()])
        .reasoningTokens(tokens[Slot.REASONING.ordinal()])
        .requests((int) Math.min(Integer.MAX_VALUE, requests))
        .reportedCost(cost)
        .build();
  }
}
