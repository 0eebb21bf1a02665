-- A gateway key's own routing: a strategy overriding the routes' (null: the routes') and the
-- models it may ask for, one per line (empty: any). One row per key that has either.
CREATE TABLE gateway_key_routing (
  token_id TEXT PRIMARY KEY,
  strategy TEXT,
  models TEXT NOT NULL
);
