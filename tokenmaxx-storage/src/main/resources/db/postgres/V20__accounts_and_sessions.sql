-- Dashboard accounts: an e-mail, the directory person it is (may be null), a role, and the
-- encoded Argon2id hash of the password (never the password).
CREATE TABLE web_account (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  person TEXT,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMPTZ NOT NULL,
  last_sign_in TIMESTAMPTZ
);

-- Sign-in sessions: only the SHA-256 of the cookie's random id is kept.
CREATE TABLE web_session (
  id_hash TEXT PRIMARY KEY,
  account TEXT NOT NULL,
  csrf_token TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  last_seen TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX web_session_account ON web_session (account);
