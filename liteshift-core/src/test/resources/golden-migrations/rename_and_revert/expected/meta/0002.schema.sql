-- liteshift snapshot: the schema after 0002_alter_table_people.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0002_alter_table_people.sql sha256:13b3a7ba0e5614f56618d37255be939a9af901e19956b6b5fe6cf9eb51f7be41

CREATE TABLE people (
  id INTEGER,
  full_name TEXT NOT NULL,
  age INTEGER,
  PRIMARY KEY (id),
  CHECK (age >= 0)
);

