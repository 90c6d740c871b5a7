-- liteshift snapshot: the schema after 0004_notes.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0004_notes.sql sha256:d7a54931a38341557c7f93c2d15835773a2af71007d34711ca9f2528efdcbdf8

CREATE TABLE users (
  id INTEGER,
  email TEXT NOT NULL,
  name TEXT,
  PRIMARY KEY (id)
);
CREATE TABLE notes (
  id INTEGER,
  body TEXT NOT NULL,
  PRIMARY KEY (id)
);

