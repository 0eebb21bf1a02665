-- The metering gateway's budget consumption: one row per budget and period window. Reservations
-- are held by requests in flight and released when they settle (see BudgetLedger).
CREATE TABLE gateway_budget_window (
  budget_id TEXT NOT NULL,
  window_start TIMESTAMPTZ NOT NULL,
  consumed DECIMAL(38, 18) NOT NULL,
  reserved DECIMAL(38, 18) NOT NULL,
  PRIMARY KEY (budget_id, window_start)
);

-- One row per request a cheap-first cascade answered (what it cost against the strongest model).
CREATE TABLE gateway_cascade (
  id TEXT PRIMARY KEY,
  ts TIMESTAMPTZ NOT NULL,
  model_class TEXT NOT NULL,
  actual_cost DECIMAL(38, 18) NOT NULL,
  strong_cost DECIMAL(38, 18) NOT NULL,
  escalated BOOLEAN NOT NULL
);
