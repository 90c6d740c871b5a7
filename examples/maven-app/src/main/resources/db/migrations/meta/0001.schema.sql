-- liteshift snapshot: the schema after 0001_init.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0001_init.sql sha256:9307a0ffd9786fa06d29055b0cf51f92346bab435b8b8a61e233a019299cd2f0

CREATE TABLE projects (
  id INTEGER,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE (name)
);
CREATE TABLE tasks (
  id INTEGER,
  project_id INTEGER NOT NULL,
  title TEXT NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CHECK (done IN (0, 1)),
  FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE
);
CREATE INDEX tasks_by_project ON tasks (project_id);
CREATE VIEW open_tasks AS SELECT p.name AS project, t.title FROM tasks t JOIN projects p ON p.id = t.project_id WHERE t.done = 0;

