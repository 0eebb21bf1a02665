package io.tokenmaxx.metering;

import java.time.Instant;
import java.util.List;

/** The gateway's routing decisions, one per request, newest first when read. */
public interface RoutingLog {

  /** Stores decisions; idempotent on {@link RoutingDecision#id()}, durable on return. */
  void accept(List<RoutingDecision> decisions);

  /**
   * Decisions in {@code [from, to)}, newest first, at most {@code limit}; narrowed to one person
   * and/or team when given (null: any).
   */
  List<RoutingDecision> recent(Instant from, Instant to, String person, String team, int limit);
}
