-- Rollups for the analytics pages (see RATIONALE.md, "Analytics rollups"). Each row is a partial sum
-- over records of one UTC hour (hours since the epoch) and one key; a key may have several rows
-- (one per ingest batch) until compaction merges them. The raw identity is part of every key so
-- that re-attributing an identity (Directory.addAliases) can apply the same UPDATE as to the records.
CREATE TABLE usage_hourly (
  hour BIGINT NOT NULL,
  person VARCHAR,
  identity_kind VARCHAR,
  identity_value VARCHAR,
  tool VARCHAR NOT NULL,
  provider VARCHAR,
  model VARCHAR NOT NULL,
  records BIGINT NOT NULL,
  requests BIGINT NOT NULL,
  input_tokens BIGINT NOT NULL,
  output_tokens BIGINT NOT NULL,
  cache_read_tokens BIGINT NOT NULL,
  cache_write_tokens BIGINT NOT NULL,
  reasoning_tokens BIGINT NOT NULL,
  cost DECIMAL(38, 18) NOT NULL,
  unpriced BIGINT NOT NULL
);

-- Per session and hour: first and last request (epoch microseconds) and sums.
CREATE TABLE session_hourly (
  hour BIGINT NOT NULL,
  person VARCHAR,
  identity_kind VARCHAR,
  identity_value VARCHAR,
  tool VARCHAR NOT NULL,
  model VARCHAR NOT NULL,
  session_id VARCHAR NOT NULL,
  first_us BIGINT NOT NULL,
  last_us BIGINT NOT NULL,
  records BIGINT NOT NULL,
  requests BIGINT NOT NULL,
  tokens BIGINT NOT NULL,
  cost DECIMAL(38, 18) NOT NULL
);

CREATE TABLE outcome_hourly (
  hour BIGINT NOT NULL,
  person VARCHAR,
  identity_kind VARCHAR,
  identity_value VARCHAR,
  kind VARCHAR NOT NULL,
  records BIGINT NOT NULL,
  value DOUBLE NOT NULL
);

-- Who viewed or exported person-level data.
CREATE TABLE audit_log (
  happened_at TIMESTAMPTZ NOT NULL,
  viewer VARCHAR NOT NULL,
  action VARCHAR NOT NULL,
  resource VARCHAR NOT NULL,
  person VARCHAR,
  detail VARCHAR
);

-- Records stored before this version.
INSERT INTO usage_hourly
SELECT epoch_us(ts) // 3600000000, person, identity_kind, identity_value, tool, provider, model,
  COUNT(*), SUM(requests), SUM(input_tokens), SUM(output_tokens), SUM(cache_read_tokens),
  SUM(cache_write_5m_tokens + cache_write_1h_tokens), SUM(reasoning_tokens),
  SUM(COALESCE(computed_cost, reported_cost, 0)),
  SUM(CASE WHEN computed_cost IS NULL AND reported_cost IS NULL THEN 1 ELSE 0 END)
FROM usage_record GROUP BY ALL;

INSERT INTO session_hourly
SELECT epoch_us(ts) // 3600000000, person, identity_kind, identity_value, tool, model, session_id,
  MIN(epoch_us(ts)), MAX(epoch_us(ts)), COUNT(*), SUM(requests),
  SUM(input_tokens + output_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens + reasoning_tokens),
  SUM(COALESCE(computed_cost, reported_cost, 0))
FROM usage_record WHERE session_id IS NOT NULL GROUP BY ALL;

INSERT INTO outcome_hourly
SELECT epoch_us(ts) // 3600000000, person, identity_kind, identity_value, kind, COUNT(*), SUM(value)
FROM outcome_record GROUP BY ALL;
