-- liteshift snapshot: the schema after 0002_users_rows.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0002_users_rows.sql sha256:6f454906b28c29f03c5ec6d96e2ff85c7eb5bc05a57214600932fdff3dbb486a

CREATE TABLE users (
  id INTEGER,
  email TEXT NOT NULL,
  PRIMARY KEY (id)
);

