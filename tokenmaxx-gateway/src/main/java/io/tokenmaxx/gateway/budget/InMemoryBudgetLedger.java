package io.tokenmaxx.gateway.budget;

import io.tokenmaxx.metering.BudgetLedger;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The budget ledger in memory (one process; the reference for store-backed ledgers). */
public final class InMemoryBudgetLedger implements BudgetLedger {
  private final Map<Key, Cell> cells = new ConcurrentHashMap<>();

  private static final class Cell {
    BigDecimal consumed = BigDecimal.ZERO;
    BigDecimal reserved = BigDecimal.ZERO;
  }

  @Override
  public boolean tryReserve(Key key, BigDecimal limit, BigDecimal amount) {
    Cell c = cells.computeIfAbsent(key, k -> new Cell());
    synchronized (c) {
      if (c.consumed.add(c.reserved).compareTo(limit) >= 0) return false;
      c.reserved = c.reserved.add(amount);
      return true;
    }
  }

  @Override
  public BigDecimal settle(Key key, BigDecimal reserved, BigDecimal consumed) {
    Cell c = cells.computeIfAbsent(key, k -> new Cell());
    synchronized (c) {
      c.reserved = c.reserved.subtract(reserved).max(BigDecimal.ZERO);
      c.consumed = c.consumed.add(consumed);
      return c.consumed;
    }
  }

  @Override
  public Consumption consumption(Key key) {
    Cell c = cells.get(key);
    if (c == null) return Consumption.ZERO;
    synchronized (c) {
      return new Consumption(c.consumed, c.reserved);
    }
  }
}
