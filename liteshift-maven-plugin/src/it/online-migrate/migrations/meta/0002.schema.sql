-- liteshift snapshot: the schema after 0002_seed_rows.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0002_seed_rows.sql sha256:32410a2450ea340c5fdc06cee5c72d06fe73a8a2814afc7f3059aaf105186d17

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

