-- liteshift snapshot: the schema after 0003_user_names.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0003_user_names.sql sha256:d4791e89097674e0a076ef05688751ddfe7542efed5f3bfc2ad44ce040a03f33

CREATE TABLE users (
  id INTEGER,
  email TEXT NOT NULL,
  name TEXT,
  PRIMARY KEY (id)
);

