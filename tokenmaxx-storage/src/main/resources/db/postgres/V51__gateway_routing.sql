-- The metering gateway's routing decisions: one row per request, one per target it tried.
-- Never prompt or answer text.
CREATE TABLE gateway_routing (
  id TEXT PRIMARY KEY,
  ts TIMESTAMPTZ NOT NULL,
  key_id TEXT,
  person TEXT,
  team TEXT,
  endpoint TEXT NOT NULL,
  requested_model TEXT,
  served_model TEXT,
  upstream TEXT,
  http_status INTEGER NOT NULL,
  strategy TEXT NOT NULL,
  escalation TEXT,
  cost DECIMAL(38, 18)
);

CREATE INDEX gateway_routing_ts ON gateway_routing (ts);

CREATE TABLE gateway_routing_attempt (
  routing_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  upstream TEXT NOT NULL,
  model TEXT,
  status INTEGER,
  outcome TEXT NOT NULL,
  reason TEXT,
  latency_ms BIGINT NOT NULL,
  cost DECIMAL(38, 18),
  PRIMARY KEY (routing_id, seq)
);
