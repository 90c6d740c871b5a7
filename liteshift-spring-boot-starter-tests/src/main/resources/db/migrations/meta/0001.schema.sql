-- liteshift snapshot: the schema after 0001_customers.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0001_customers.sql sha256:6fe3366f474b8ad5fcd69f2d423dbd68f33a95210bdf6dc87d9f09322076dfff

CREATE TABLE customers (
  id INTEGER,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  PRIMARY KEY (id),
  UNIQUE (email)
);

