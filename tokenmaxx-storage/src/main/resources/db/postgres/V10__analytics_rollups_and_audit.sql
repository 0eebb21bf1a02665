-- Rollups for the analytics pages (see RATIONALE.md, "Analytics rollups"). Each row is a partial sum
-- over records of one UTC hour (hours since the epoch) and one key; a key may have several rows
-- (one per ingest batch) until compaction merges them. The raw identity is part of every key so
-- that re-attributing an identity (Directory.addAliases) can apply the same UPDATE as to the records.
CREATE TABLE usage_hourly (
  hour BIGINT NOT NULL,
  person TEXT,
  identity_kind TEXT,
  identity_value TEXT,
  tool TEXT NOT NULL,
  provider TEXT,
  model TEXT NOT NULL,
  records BIGINT NOT NULL,
  requests BIGINT NOT NULL,
  input_tokens BIGINT NOT NULL,
  output_tokens BIGINT NOT NULL,
  cache_read_tokens BIGINT NOT NULL,
  cache_write_tokens BIGINT NOT NULL,
  reasoning_tokens BIGINT NOT NULL,
  cost NUMERIC(38, 18) NOT NULL,
  unpriced BIGINT NOT NULL
);
CREATE INDEX usage_hourly_hour ON usage_hourly (hour);
CREATE INDEX usage_hourly_person ON usage_hourly (person, hour);

-- Per session and hour: first and last request (epoch microseconds) and sums.
CREATE TABLE session_hourly (
  hour BIGINT NOT NULL,
  person TEXT,
  identity_kind TEXT,
  identity_value TEXT,
  tool TEXT NOT NULL,
  model TEXT NOT NULL,
  session_id TEXT NOT NULL,
  first_us BIGINT NOT NULL,
  last_us BIGINT NOT NULL,
  records BIGINT NOT NULL,
  requests BIGINT NOT NULL,
  tokens BIGINT NOT NULL,
  cost NUMERIC(38, 18) NOT NULL
);
CREATE INDEX session_hourly_hour ON session_hourly (hour);
CREATE INDEX session_hourly_person ON session_hourly (person, hour);

CREATE TABLE outcome_hourly (
  hour BIGINT NOT NULL,
  person TEXT,
  identity_kind TEXT,
  identity_value TEXT,
  kind TEXT NOT NULL,
  records BIGINT NOT NULL,
  value DOUBLE PRECISION NOT NULL
);
CREATE INDEX outcome_hourly_hour ON outcome_hourly (hour);

-- Re-attribution updates rollup rows of an identity.
CREATE INDEX usage_hourly_identity ON usage_hourly (identity_kind, identity_value);
CREATE INDEX session_hourly_identity ON session_hourly (identity_kind, identity_value);
CREATE INDEX outcome_hourly_identity ON outcome_hourly (identity_kind, identity_value);

-- Who viewed or exported person-level data.
CREATE TABLE audit_log (
  happened_at TIMESTAMPTZ NOT NULL,
  viewer TEXT NOT NULL,
  action TEXT NOT NULL,
  resource TEXT NOT NULL,
  person TEXT,
  detail TEXT
);
CREATE INDEX audit_log_happened_at ON audit_log (happened_at);

-- Records stored before this version.
INSERT INTO usage_hourly
SELECT CAST(EXTRACT(EPOCH FROM ts) * 1000000 AS BIGINT) / 3600000000 AS hour, person, identity_kind, identity_value,
  tool, provider, model, COUNT(*), SUM(requests), SUM(input_tokens), SUM(output_tokens), SUM(cache_read_tokens),
  SUM(cache_write_5m_tokens + cache_write_1h_tokens), SUM(reasoning_tokens),
  SUM(COALESCE(computed_cost, reported_cost, 0)),
  SUM(CASE WHEN computed_cost IS NULL AND reported_cost IS NULL THEN 1 ELSE 0 END)
FROM usage_record GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO session_hourly
SELECT CAST(EXTRACT(EPOCH FROM ts) * 1000000 AS BIGINT) / 3600000000 AS hour, person, identity_kind, identity_value,
  tool, model, session_id, MIN(CAST(EXTRACT(EPOCH FROM ts) * 1000000 AS BIGINT)),
  MAX(CAST(EXTRACT(EPOCH FROM ts) * 1000000 AS BIGINT)), COUNT(*), SUM(requests),
  SUM(input_tokens + output_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens + reasoning_tokens),
  SUM(COALESCE(computed_cost, reported_cost, 0))
FROM usage_record WHERE session_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7;

INSERT INTO outcome_hourly
SELECT CAST(EXTRACT(EPOCH FROM ts) * 1000000 AS BIGINT) / 3600000000 AS hour, person, identity_kind, identity_value,
  kind, COUNT(*), SUM(value)
FROM outcome_record GROUP BY 1, 2, 3, 4, 5;
