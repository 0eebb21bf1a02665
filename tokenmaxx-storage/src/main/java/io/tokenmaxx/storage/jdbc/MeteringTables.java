package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.metering.BudgetLedger;
import io.tokenmaxx.metering.CascadeStore;

/** The metering gateway's tables of a backend (budget windows, cascade outcomes), built together. */
public final class MeteringTables {
  private final JdbcBudgetLedger ledger;
  private final JdbcCascadeStore cascades;

  public MeteringTables(Transactions tx) {
    this.ledger = new JdbcBudgetLedger(tx);
    this.cascades = new JdbcCascadeStore(tx);
  }

  public BudgetLedger ledger() {
    return ledger;
  }

  public CascadeStore cascades() {
    return cascades;
  }
}
