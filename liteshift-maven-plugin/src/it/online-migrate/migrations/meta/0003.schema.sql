-- liteshift snapshot: the schema after 0003_qty_not_null.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0003_qty_not_null.sql sha256:8e4a6967f9c184fe7fdf872746337ae891893614cf31a278cc149f157c3d240c

CREATE TABLE notes (
  id INTEGER,
  item_id INTEGER NOT NULL,
  body TEXT,
  PRIMARY KEY (id),
  FOREIGN KEY (item_id) REFERENCES items (id) ON DELETE CASCADE
);
CREATE TABLE items (
  id INTEGER,
  owner INTEGER,
  qty INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
);
CREATE INDEX notes_by_item ON notes (item_id);

