-- One row per usage record id; ts is microseconds, ts_nanos the nanoseconds below it (0..999).
CREATE TABLE usage_record (
  id VARCHAR PRIMARY KEY,
  ts TIMESTAMPTZ NOT NULL,
  ts_nanos SMALLINT NOT NULL,
  source VARCHAR NOT NULL,
  tool VARCHAR NOT NULL,
  provider VARCHAR,
  model VARCHAR NOT NULL,
  person VARCHAR,
  identity_kind VARCHAR,
  identity_value VARCHAR,
  session_id VARCHAR,
  project VARCHAR,
  input_tokens BIGINT NOT NULL,
  output_tokens BIGINT NOT NULL,
  cache_read_tokens BIGINT NOT NULL,
  cache_write_5m_tokens BIGINT NOT NULL,
  cache_write_1h_tokens BIGINT NOT NULL,
  reasoning_tokens BIGINT NOT NULL,
  requests INTEGER NOT NULL,
  reported_cost DECIMAL(38, 18),
  computed_cost DECIMAL(38, 18),
  price_ref VARCHAR,
  latency_ms BIGINT,
  status VARCHAR NOT NULL,
  prompt_hash VARCHAR
);

CREATE TABLE outcome_record (
  id VARCHAR PRIMARY KEY,
  ts TIMESTAMPTZ NOT NULL,
  ts_nanos SMALLINT NOT NULL,
  source VARCHAR NOT NULL,
  tool VARCHAR,
  kind VARCHAR NOT NULL,
  value DOUBLE NOT NULL,
  person VARCHAR,
  identity_kind VARCHAR,
  identity_value VARCHAR,
  session_id VARCHAR,
  project VARCHAR,
  detail VARCHAR
);
