-- liteshift snapshot: the schema after 0001_create_table_users.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0001_create_table_users.sql sha256:a5b8d2517a5c23426e5d831953813bcaa496b17d01759a7bbf71ea5e8ca2a4e0

CREATE TABLE users (
  id INTEGER,
  name TEXT NOT NULL,
  nickname TEXT,
  PRIMARY KEY (id)
);

