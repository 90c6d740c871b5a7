-- liteshift snapshot: the schema after 0003_revert_to_0001.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0003_revert_to_0001.sql sha256:3a9b0e4d968c78355854abe1ae9bdc6fcfc99e3dc3658b513c9d04229e8f1265

CREATE TABLE users (
  id INTEGER,
  name TEXT NOT NULL,
  nickname TEXT,
  PRIMARY KEY (id)
);

