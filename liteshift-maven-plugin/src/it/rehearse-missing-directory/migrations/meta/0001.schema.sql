-- liteshift snapshot: the schema after 0001_users.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0001_users.sql sha256:8a748925c1175c121071918d21951683ed2d6ed38d953823b7ccea6187e013f6

CREATE TABLE users (
  id INTEGER,
  email TEXT NOT NULL,
  PRIMARY KEY (id)
);

