-- liteshift snapshot: the schema after 0001_init.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0001_init.sql sha256:a3911744fd4ecd3ccf21072dcccc55d82a6a084cb1f92f4d255685b33f84f702

CREATE TABLE customers (
  id INTEGER,
  email TEXT,
  legacy_code TEXT,
  PRIMARY KEY (id)
);

