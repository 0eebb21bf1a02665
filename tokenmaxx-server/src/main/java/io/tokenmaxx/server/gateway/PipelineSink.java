package io.tokenmaxx.server.gateway;

import io.tokenmaxx.gateway.record.GatewayRecord;
import io.tokenmaxx.gateway.record.RecordSink;
import io.tokenmaxx.gateway.route.Savings;
import io.tokenmaxx.metering.CascadeOutcome;
import io.tokenmaxx.metering.CascadeStore;
import io.tokenmaxx.metering.RoutingDecision;
import io.tokenmaxx.metering.RoutingLog;
import io.tokenmaxx.gateway.record.Attempt;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.pipeline.IngestQueue;
import io.tokenmaxx.pipeline.RecordBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Gateway records into the server's ingest pipeline: every usage a request caused (the served
 * answer and, for a cascade, the answers it escalated past) goes through the ingest queue like any
 * other source — attributed to people by the directory, stored, rolled up — and a cascaded
 * request's outcome goes to the cascade table; every request's routing decision (what was tried,
 * why, what it cost) goes to the routing log. Records arrive priced by the gateway (the target's
 * configured price, else the catalog's in force), so the pipeline does not price them again.
 * Returns once both are durable; a failure throws, and the shipper offers the batch again
 * (both stores are idempotent on the record id).
 */
public final class PipelineSink implements RecordSink {
  static final String TRANSPORT = "gateway";
  private final IngestQueue queue;
  private final CascadeStore cascades;
  private final RoutingLog routing;

  public PipelineSink(IngestQueue queue, CascadeStore cascades, RoutingLog routing) {
    this.queue = queue;
    this.cascades = cascades;
    this.routing = routing;
  }

  @Override
  public void accept(List<GatewayRecord> batch) throws Exception {
    List<UsageRecord> usage = new ArrayList<>(batch.size());
    List<CascadeOutcome> outcomes = new ArrayList<>();
    List<RoutingDecision> decisions = new ArrayList<>(batch.size());
    for (GatewayRecord r : batch) {
      usage.addAll(r.allUsage());
      CascadeOutcome o = outcome(r);
      if (o != null) outcomes.add(o);
      decisions.add(decision(r));
    }
    if (!outcomes.isEmpty()) cascades.accept(outcomes);
    routing.accept(decisions);
    if (!usage.isEmpty()) queue.submit(TRANSPORT, RecordBatch.ofUsage(usage)).get(60, TimeUnit.SECONDS);
  }

  /**
   * How a request was routed: every target tried, why the gateway moved on, what each try cost. A
   * record that does not say (one sent by an older standalone gateway) is logged with strategy
   * {@code unknown} rather than refused, so that its usage is not lost.
   */
  static RoutingDecision decision(GatewayRecord r) {
    List<RoutingDecision.Try> tries = new ArrayList<>(r.attempts().size());
    for (Attempt a : r.attempts()) {
      tries.add(new RoutingDecision.Try(a.upstream(), a.model(), a.status(), a.outcome(), a.reason(), a.latencyMs(), a.cost()));
    }
    UsageRecord u = r.usage();
    return new RoutingDecision(u.id(), u.timestamp(), r.keyId(), u.person(), r.team(), r.endpoint(), r.requestedModel(),
        r.servedModel(), r.upstream(), r.httpStatus(),
        r.strategy() == null ? "unknown" : r.strategy(), r.escalation(), r.totalCost(), tries);
  }

  /** A cascaded request's outcome, null for other requests and for cascades with an unpriced part. */
  static CascadeOutcome outcome(GatewayRecord r) {
    Savings.Outcome o = r.cascadeOutcome();
    if (o == null || o.actualCost() == null || o.strongCost() == null) return null;
    return new CascadeOutcome(r.usage().id(), r.usage().timestamp(), o.modelClass(), o.actualCost(), o.strongCost(),
        o.escalated());
  }
}
