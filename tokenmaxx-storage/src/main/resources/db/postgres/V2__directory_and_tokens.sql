-- The directory: no foreign keys, since an HRIS export may name a team before the team is loaded
-- and records may name people the directory does not know yet.
CREATE TABLE department (
  id TEXT PRIMARY KEY,
  name TEXT
);

CREATE TABLE team (
  id TEXT PRIMARY KEY,
  name TEXT,
  department TEXT
);

CREATE TABLE person (
  id TEXT PRIMARY KEY,
  email TEXT,
  name TEXT,
  team TEXT,
  department TEXT,
  manager TEXT,
  role TEXT,
  annual_loaded_cost NUMERIC(38, 18),
  start_date DATE
);

-- Each raw identity belongs to at most one person.
CREATE TABLE person_alias (
  identity_kind TEXT NOT NULL,
  identity_value TEXT NOT NULL,
  person TEXT NOT NULL,
  added_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (identity_kind, identity_value)
);

-- Tokens: only the SHA-256 of the secret is kept.
CREATE TABLE api_token (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  scope TEXT NOT NULL,
  person TEXT,
  team TEXT,
  description TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ
);

-- Re-attribution looks for records of an identity that have no person yet.
CREATE INDEX usage_record_unattributed ON usage_record (identity_kind, identity_value) WHERE person IS NULL;
CREATE INDEX outcome_record_unattributed ON outcome_record (identity_kind, identity_value) WHERE person IS NULL;
