-- liteshift snapshot: the schema after 0002_users_rows.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0002_users_rows.sql sha256:da3f4b313b177be92534e8d4a15f5cfb2b751007e2e0eace05f2c60a55d5518f

CREATE TABLE users (
  id INTEGER,
  email TEXT NOT NULL,
  PRIMARY KEY (id)
);

