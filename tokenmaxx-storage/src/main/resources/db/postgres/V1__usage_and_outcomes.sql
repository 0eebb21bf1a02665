-- One row per usage record id; ts is microseconds, ts_nanos the nanoseconds below it (0..999).
CREATE TABLE usage_record (
  id TEXT PRIMARY KEY,
  ts TIMESTAMPTZ NOT NULL,
  ts_nanos SMALLINT NOT NULL,
  source TEXT NOT NULL,
  tool TEXT NOT NULL,
  provider TEXT,
  model TEXT NOT NULL,
  person TEXT,
  identity_kind TEXT,
  identity_value TEXT,
  session_id TEXT,
  project TEXT,
  input_tokens BIGINT NOT NULL,
  output_tokens BIGINT NOT NULL,
  cache_read_tokens BIGINT NOT NULL,
  cache_write_5m_tokens BIGINT NOT NULL,
  cache_write_1h_tokens BIGINT NOT NULL,
  reasoning_tokens BIGINT NOT NULL,
  requests INTEGER NOT NULL,
  reported_cost NUMERIC(38, 18),
  computed_cost NUMERIC(38, 18),
  price_ref TEXT,
  latency_ms BIGINT,
  status TEXT NOT NULL,
  prompt_hash TEXT
);
CREATE INDEX usage_record_ts ON usage_record (ts);
CREATE INDEX usage_record_person_ts ON usage_record (person, ts);

CREATE TABLE outcome_record (
  id TEXT PRIMARY KEY,
  ts TIMESTAMPTZ NOT NULL,
  ts_nanos SMALLINT NOT NULL,
  source TEXT NOT NULL,
  tool TEXT,
  kind TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  person TEXT,
  identity_kind TEXT,
  identity_value TEXT,
  session_id TEXT,
  project TEXT,
  detail TEXT
);
CREATE INDEX outcome_record_ts ON outcome_record (ts);
