-- The declared schema of the tasks service. Change it, then run `liteshift generate --name SLUG` here and commit
-- the migration it writes to src/main/resources/db/migrations; the application applies it when it boots.
CREATE TABLE tasks (
  id         INTEGER PRIMARY KEY,
  title      TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  done       INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE INDEX tasks_open ON tasks (done, id);
