package io.tokenmaxx.collect.otlp;

import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RecordLimits;
import io.tokenmaxx.model.UsageRecord;

/**
 * Thrown inside the mappers when one item (data point, log record, span) is invalid; caught per
 * item, counted as rejected, and its message reported in the partial success. Carries no stack
 * trace: it is control flow, not a bug.
 */
final class Rejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Rejected(String message) {
    super(message, null, false, false);
  }

  /** The record, when every store can keep it ({@link RecordLimits}); else rejected, naming the field. */
  static UsageRecord unlessUnstorable(UsageRecord r) {
    String problem = RecordLimits.problem(r);
    if (problem != null) throw new Rejected(problem);
    return r;
  }

  /** The record, when every store can keep it ({@link RecordLimits}); else rejected, naming the field. */
  static OutcomeRecord unlessUnstorable(OutcomeRecord r) {
    String problem = RecordLimits.problem(r);
    if (problem != null) throw new Rejected(problem);
    return r;
  }
}
