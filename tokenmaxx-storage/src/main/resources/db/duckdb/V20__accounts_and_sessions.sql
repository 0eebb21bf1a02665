-- Dashboard accounts: an e-mail, the directory person it is (may be null), a role, and the
-- encoded Argon2id hash of the password (never the password).
CREATE TABLE web_account (
  id VARCHAR PRIMARY KEY,
  email VARCHAR NOT NULL UNIQUE,
  person VARCHAR,
  role VARCHAR NOT NULL,
  password_hash VARCHAR NOT NULL,
  disabled BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMPTZ NOT NULL,
  last_sign_in TIMESTAMPTZ
);

-- Sign-in sessions: only the SHA-256 of the cookie's random id is kept.
CREATE TABLE web_session (
  id_hash VARCHAR PRIMARY KEY,
  account VARCHAR NOT NULL,
  csrf_token VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  last_seen TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX web_session_account ON web_session (account);
