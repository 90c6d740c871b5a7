-- liteshift snapshot: the schema after 0002_done.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0002_done.sql sha256:af5421d4bae0a89d065a344735c052ab47b4d30aba123a30da2d4d7077a871b8

CREATE TABLE tasks (
  id INTEGER,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  done INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CHECK (length(title) BETWEEN 1 AND 200),
  CHECK (done IN (0, 1))
);
CREATE INDEX tasks_open ON tasks (done, id);

