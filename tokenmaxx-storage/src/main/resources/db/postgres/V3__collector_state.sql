-- Durable state of collectors (e.g. OTLP cumulative series), by namespace and key.
CREATE TABLE collector_state (
  namespace VARCHAR NOT NULL,
  state_key VARCHAR NOT NULL,
  state_value VARCHAR NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (namespace, state_key)
);

-- Retractions find records by tool and session (or project) and an id prefix.
CREATE INDEX usage_record_session ON usage_record (tool, session_id);
