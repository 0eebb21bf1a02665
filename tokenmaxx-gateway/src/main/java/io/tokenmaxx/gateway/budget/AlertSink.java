package io.tokenmaxx.gateway.budget;

/** Where budget alerts go (a signed webhook in the server); the default drops them. */
@FunctionalInterface
public interface AlertSink {
  AlertSink NONE = alert -> {};

  /** Called off the request path's critical section; must not block for long. */
  void alert(BudgetAlert alert);
}
