CREATE TABLE events (
  id INTEGER,
  kind TEXT NOT NULL,
  payload ANY,
  weight REAL,
  raw BLOB,
  n INT,
  PRIMARY KEY (id)
) STRICT;

CREATE TABLE kv (
  k TEXT,
  v BLOB,
  PRIMARY KEY (k)
) WITHOUT ROWID, STRICT;

CREATE VIRTUAL TABLE events_fts USING fts5(kind, payload);
