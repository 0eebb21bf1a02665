-- Where each vendor import source has got to (ImportCursor): one row per configured source.
CREATE TABLE import_cursor (
  source VARCHAR PRIMARY KEY,
  complete_through DATE,
  last_attempt TIMESTAMPTZ,
  last_success TIMESTAMPTZ,
  last_error VARCHAR,
  consecutive_failures INTEGER NOT NULL,
  records_imported BIGINT NOT NULL,
  next_run TIMESTAMPTZ
);

-- Vendors' daily aggregates with the vendor's own numbers (usage_record holds what is left of
-- them after finer sources, see SourcePrecedence), as one export JSON line each.
CREATE TABLE import_aggregate (
  id VARCHAR PRIMARY KEY,
  day DATE NOT NULL,
  record VARCHAR NOT NULL
);

CREATE INDEX import_aggregate_day ON import_aggregate (day);
