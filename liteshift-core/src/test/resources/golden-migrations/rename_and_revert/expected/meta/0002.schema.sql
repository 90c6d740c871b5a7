-- liteshift snapshot: the schema after 0002_alter_table_people.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0002_alter_table_people.sql sha256:d0a1c188cb2932f3bf5fbbd7591f741b25caed3b0dfbdca84a28db09bda664c2

CREATE TABLE people (
  id INTEGER,
  full_name TEXT NOT NULL,
  age INTEGER,
  PRIMARY KEY (id),
  CHECK (age >= 0)
);

