-- liteshift snapshot: the schema after 0002_cleanup.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0002_cleanup.sql sha256:3309c57f79b4e27a2d8ef865fbc41217c6786ecd6e99474cde970943bfface53

CREATE TABLE customers (
  id INTEGER,
  email TEXT,
  PRIMARY KEY (id)
);

