-- liteshift snapshot: the schema after 0001_create_table_notes.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0001_create_table_notes.sql sha256:6a72e50a9c2a126b7de7822c3b1133fe0495f6bbc9e62c00c0d2e912d96024f5

CREATE TABLE notes (
  id INTEGER,
  body TEXT,
  PRIMARY KEY (id)
);

