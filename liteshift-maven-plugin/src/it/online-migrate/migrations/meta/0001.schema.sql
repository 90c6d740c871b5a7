-- liteshift snapshot: the schema after 0001_init.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0001_init.sql sha256:9bb8b4d68711efa083b567bcf09cb6603e9a8f204f779a6fd76f23d0f87f5a5a

CREATE TABLE items (
  id INTEGER,
  owner INTEGER,
  qty INTEGER,
  PRIMARY KEY (id)
);
CREATE TABLE notes (
  id INTEGER,
  item_id INTEGER NOT NULL,
  body TEXT,
  PRIMARY KEY (id),
  FOREIGN KEY (item_id) REFERENCES items (id) ON DELETE CASCADE
);

