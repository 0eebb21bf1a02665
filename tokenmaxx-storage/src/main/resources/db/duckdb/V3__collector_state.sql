-- Durable state of collectors (e.g. OTLP cumulative series), by namespace and key.
CREATE TABLE collector_state (
  namespace VARCHAR NOT NULL,
  state_key VARCHAR NOT NULL,
  state_value VARCHAR NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (namespace, state_key)
);

-- No index for retractions: an ART index would slow every ingest; retractions are bounded in time
-- (recent records only) and DuckDB skips older row groups by their min/max timestamps.
