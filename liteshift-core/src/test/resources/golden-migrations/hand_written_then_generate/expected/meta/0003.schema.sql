-- liteshift snapshot: the schema after 0003_alter_table_notes_create_table_note_tags.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0003_alter_table_notes_create_table_note_tags.sql sha256:4dc97156c19e9d042f92afbfec2c6c1775a64e206a0ef0ef75527cb216193237

CREATE TABLE tags (
  id INTEGER,
  label TEXT NOT NULL,
  PRIMARY KEY (id),
  UNIQUE (label)
);
CREATE TABLE note_tags (
  note_id INTEGER NOT NULL,
  tag_id INTEGER NOT NULL,
  PRIMARY KEY (note_id, tag_id),
  FOREIGN KEY (note_id) REFERENCES notes (id) ON DELETE CASCADE,
  FOREIGN KEY (tag_id) REFERENCES tags (id)
) WITHOUT ROWID;
CREATE TABLE notes (
  id INTEGER,
  body TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (id)
);

