-- Weekly check-ins: one per person and week (Monday). Tags, tools and links are JSON arrays; tags and
-- tools are also rows of checkin_tag, for filters and "first seen" queries.
CREATE TABLE checkin (
  id VARCHAR NOT NULL,
  person VARCHAR NOT NULL,
  week DATE NOT NULL,
  team VARCHAR,
  department VARCHAR,
  visibility VARCHAR NOT NULL,
  tried VARCHAR NOT NULL,
  worked VARCHAR NOT NULL,
  failed VARCHAR NOT NULL,
  learned VARCHAR NOT NULL,
  tags VARCHAR NOT NULL,
  tools VARCHAR NOT NULL,
  minutes_saved INTEGER,
  links VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (person, week)
);

CREATE INDEX checkin_by_id ON checkin (id);

-- No key: a save deletes and re-inserts a check-in's rows in one transaction.
CREATE TABLE checkin_tag (
  checkin_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  value VARCHAR NOT NULL,
  week DATE NOT NULL
);

-- Goodhart-guard flags: one per flagged person-week, with the evidence (JSON) and the review.
CREATE TABLE guard_flag (
  person VARCHAR NOT NULL,
  week DATE NOT NULL,
  score DOUBLE NOT NULL,
  signals VARCHAR NOT NULL,
  evidence VARCHAR NOT NULL,
  detected_at TIMESTAMPTZ NOT NULL,
  status VARCHAR NOT NULL,
  reviewed_by VARCHAR,
  reviewed_at TIMESTAMPTZ,
  reason VARCHAR,
  PRIMARY KEY (person, week)
);
