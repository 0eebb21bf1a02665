package io.tokenmaxx.metering;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Consumption of budgets per period window: the metering gateway's budget SPI, kept by the store so
 * that every gateway process of an organization shares it. Each operation is atomic for its key; a
 * backend in a database makes {@link #tryReserve} one conditional update. Amounts are dollars or
 * tokens, as the budget counts.
 */
public interface BudgetLedger {

  /** One budget's one window. */
  record Key(String budgetId, Instant windowStart) {}

  /** What a window has consumed (settled) and holds for requests in flight (reserved). */
  record Consumption(BigDecimal consumed, BigDecimal reserved) {
    public static final Consumption ZERO = new Consumption(BigDecimal.ZERO, BigDecimal.ZERO);
  }

  /**
   * Adds {@code amount} to the window's reservations if what is consumed and reserved is still
   * below {@code limit}; false (nothing changed) otherwise.
   */
  boolean tryReserve(Key key, BigDecimal limit, BigDecimal amount);

  /**
   * Releases a reservation and adds what the request really consumed; returns the window's
   * consumption after this settlement.
   */
  BigDecimal settle(Key key, BigDecimal reserved, BigDecimal consumed);

  Consumption consumption(Key key);
}
