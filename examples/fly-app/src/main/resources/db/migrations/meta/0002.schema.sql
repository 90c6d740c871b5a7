-- liteshift snapshot: the schema after 0002_pinned_notes.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0002_pinned_notes.sql sha256:d61145caa63b7c03498790b92ca6377b4670882bb30a32dd1351a1a8969d6cf7

CREATE TABLE note_tags (
  note_id INTEGER NOT NULL,
  tag TEXT NOT NULL,
  PRIMARY KEY (note_id, tag),
  FOREIGN KEY (note_id) REFERENCES notes (id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE notes (
  id INTEGER,
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  pinned INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CHECK (length(title) BETWEEN 1 AND 200),
  CHECK (pinned IN (0, 1))
);
CREATE INDEX notes_pinned ON notes (pinned, created_at);

