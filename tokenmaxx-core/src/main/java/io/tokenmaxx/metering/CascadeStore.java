package io.tokenmaxx.metering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What cheap-first cascades saved: one row per cascaded request, summed per model class for the
 * dashboard's savings table.
 */
public interface CascadeStore {

  /** Stores outcomes; idempotent on {@link CascadeOutcome#id()}, durable on return. */
  void accept(List<CascadeOutcome> outcomes);

  /** Sums per model class of the outcomes in {@code [from, to)}, by model class. */
  List<Sum> sums(Instant from, Instant to);

  /** One model class's requests in a range. */
  record Sum(String modelClass, long requests, long escalated, BigDecimal actualCost, BigDecimal strongCost) {}
}
