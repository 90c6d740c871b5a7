-- liteshift snapshot: the schema after 0001_tasks.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0001_tasks.sql sha256:117b60b97b06d275b7b85291c22524d80c2ae952e793c1984873d7ba881c1e94

CREATE TABLE tasks (
  id INTEGER,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (id),
  CHECK (length(title) BETWEEN 1 AND 200)
);

