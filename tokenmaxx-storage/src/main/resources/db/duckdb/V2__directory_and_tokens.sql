-- The directory: no foreign keys, since an HRIS export may name a team before the team is loaded
-- and records may name people the directory does not know yet.
CREATE TABLE department (
  id VARCHAR PRIMARY KEY,
  name VARCHAR
);

CREATE TABLE team (
  id VARCHAR PRIMARY KEY,
  name VARCHAR,
  department VARCHAR
);

CREATE TABLE person (
  id VARCHAR PRIMARY KEY,
  email VARCHAR,
  name VARCHAR,
  team VARCHAR,
  department VARCHAR,
  manager VARCHAR,
  role VARCHAR,
  annual_loaded_cost DECIMAL(38, 18),
  start_date DATE
);

-- Each raw identity belongs to at most one person.
CREATE TABLE person_alias (
  identity_kind VARCHAR NOT NULL,
  identity_value VARCHAR NOT NULL,
  person VARCHAR NOT NULL,
  added_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (identity_kind, identity_value)
);

-- Tokens: only the SHA-256 of the secret is kept.
CREATE TABLE api_token (
  id VARCHAR PRIMARY KEY,
  token_hash VARCHAR NOT NULL UNIQUE,
  scope VARCHAR NOT NULL,
  person VARCHAR,
  team VARCHAR,
  description VARCHAR,
  created_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ
);
