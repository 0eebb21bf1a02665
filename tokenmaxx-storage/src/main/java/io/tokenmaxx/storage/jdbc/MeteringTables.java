package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.metering.BudgetLedger;
import io.tokenmaxx.metering.CascadeStore;

/** The metering gateway's tables of a backend (budget windows, cascade outcomes, routing decisions, per-key routing), built together. */
public final class MeteringTables {
  private final JdbcBudgetLedger ledger;
  private final JdbcCascadeStore cascades;
  private final JdbcRoutingLog routing;
  private final JdbcKeyRouting keyRouting;

  public MeteringTables(Transactions tx) {
    this.ledger = new JdbcBudgetLedger(tx);
    this.cascades = new JdbcCascadeStore(tx);
    this.routing = new JdbcRoutingLog(tx);
    this.keyRouting = new JdbcKeyRouting(tx);
  }

  public BudgetLedger ledger() {
    return ledger;
  }

  public CascadeStore cascades() {
    return cascades;
  }

  public io.tokenmaxx.metering.RoutingLog routing() {
    return routing;
  }

  public io.tokenmaxx.metering.KeyRoutingStore keyRouting() {
    return keyRouting;
  }
}
