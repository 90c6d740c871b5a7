CREATE TABLE people (
  id INTEGER,
  email TEXT NOT NULL,
  last_name TEXT,
  born TEXT,
  deleted_at TEXT,
  PRIMARY KEY (id)
);

CREATE INDEX people_by_name ON people (last_name, born);

CREATE UNIQUE INDEX people_email ON people (email COLLATE NOCASE);

CREATE INDEX people_recent ON people (born DESC, id);

CREATE INDEX people_live ON people (email) WHERE deleted_at IS NULL;

CREATE INDEX people_lower_name ON people (lower(last_name));

CREATE UNIQUE INDEX people_unique_live ON people (last_name) WHERE deleted_at IS NULL;
