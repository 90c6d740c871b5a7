-- liteshift snapshot: the schema after 0001_notes.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0001_notes.sql sha256:c5cfeaaf7664fbb0c1e799f9419d89395be169a8f6fab6bf85160162bd038a8d

CREATE TABLE notes (
  id INTEGER,
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (id)
);
CREATE TABLE note_tags (
  note_id INTEGER NOT NULL,
  tag TEXT NOT NULL,
  PRIMARY KEY (note_id, tag),
  FOREIGN KEY (note_id) REFERENCES notes (id) ON DELETE CASCADE
) WITHOUT ROWID;

