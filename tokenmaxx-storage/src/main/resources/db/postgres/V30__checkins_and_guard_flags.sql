-- Weekly check-ins: one per person and week (Monday). Tags, tools and links are JSON arrays; tags and
-- tools are also rows of checkin_tag, for filters and "first seen" queries.
CREATE TABLE checkin (
  id TEXT NOT NULL,
  person TEXT NOT NULL,
  week DATE NOT NULL,
  team TEXT,
  department TEXT,
  visibility TEXT NOT NULL,
  tried TEXT NOT NULL,
  worked TEXT NOT NULL,
  failed TEXT NOT NULL,
  learned TEXT NOT NULL,
  tags TEXT NOT NULL,
  tools TEXT NOT NULL,
  minutes_saved INTEGER,
  links TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (person, week)
);

CREATE INDEX checkin_by_id ON checkin (id);
CREATE INDEX checkin_by_week ON checkin (week);

CREATE TABLE checkin_tag (
  checkin_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  week DATE NOT NULL
);

CREATE INDEX checkin_tag_by_checkin ON checkin_tag (checkin_id);
CREATE INDEX checkin_tag_by_value ON checkin_tag (kind, value);

-- Goodhart-guard flags: one per flagged person-week, with the evidence (JSON) and the review.
CREATE TABLE guard_flag (
  person TEXT NOT NULL,
  week DATE NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  signals TEXT NOT NULL,
  evidence TEXT NOT NULL,
  detected_at TIMESTAMPTZ NOT NULL,
  status TEXT NOT NULL,
  reviewed_by TEXT,
  reviewed_at TIMESTAMPTZ,
  reason TEXT,
  PRIMARY KEY (person, week)
);
