-- The metering gateway's routing decisions: one row per request, one per target it tried.
-- Never prompt or answer text.
CREATE TABLE gateway_routing (
  id VARCHAR PRIMARY KEY,
  ts TIMESTAMPTZ NOT NULL,
  key_id VARCHAR,
  person VARCHAR,
  team VARCHAR,
  endpoint VARCHAR NOT NULL,
  requested_model VARCHAR,
  served_model VARCHAR,
  upstream VARCHAR,
  http_status INTEGER NOT NULL,
  strategy VARCHAR NOT NULL,
  escalation VARCHAR,
  cost DECIMAL(38, 18)
);

CREATE INDEX gateway_routing_ts ON gateway_routing (ts);

CREATE TABLE gateway_routing_attempt (
  routing_id VARCHAR NOT NULL,
  seq INTEGER NOT NULL,
  upstream VARCHAR NOT NULL,
  model VARCHAR,
  status INTEGER,
  outcome VARCHAR NOT NULL,
  reason VARCHAR,
  latency_ms BIGINT NOT NULL,
  cost DECIMAL(38, 18),
  PRIMARY KEY (routing_id, seq)
);
