package io.tokenmaxx.gateway.budget;

import io.tokenmaxx.metering.BudgetLedger;
import java.math.BigDecimal;
import java.util.List;

/** The answer of {@link Budgets#admit}: go ahead holding reservations, or a refusal. */
public sealed interface Admission {

  /** Admitted; settle it exactly once when the request ends ({@link Budgets#settle}). */
  record Admitted(List<Held> budgets, List<Taken> rates, long tokenEstimate) implements Admission {}

  /**
   * Refused: {@code message} says which limit and when it resets; {@code retryAfterSeconds} is
   * for the {@code Retry-After} header.
   */
  record Refused(String message, long retryAfterSeconds, String limit) implements Admission {}

  /** A reservation held in one budget's window. */
  record Held(Budget budget, BudgetLedger.Key key, Period.Window window, BigDecimal reserved) {}

  /** Tokens taken from a per-minute bucket. */
  record Taken(RateLimiter.Bucket bucket, double amount, boolean tokens) {}
}
