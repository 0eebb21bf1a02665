package io.tokenmaxx.collect.otlp;

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
}
