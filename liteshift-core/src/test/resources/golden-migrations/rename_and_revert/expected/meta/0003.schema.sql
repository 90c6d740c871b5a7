-- liteshift snapshot: the schema after 0003_revert_to_0001.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0003_revert_to_0001.sql sha256:0dd6e711d448a5bbbba7cc5fb354ccd19c59af9f8e967c17f4d632608a1a209e

CREATE TABLE users (
  id INTEGER,
  name TEXT NOT NULL,
  nickname TEXT,
  PRIMARY KEY (id)
);

