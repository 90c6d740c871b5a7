-- liteshift snapshot: the schema after 0003_alter_table_notes_create_table_note_tags.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0003_alter_table_notes_create_table_note_tags.sql sha256:70becd3bb48637056efaa92c21068dcc948c5f8688bce4d03413ce10dcaef720

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

