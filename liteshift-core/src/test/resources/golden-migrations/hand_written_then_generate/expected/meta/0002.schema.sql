-- liteshift snapshot: the schema after 0002_by_hand.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0002_by_hand.sql sha256:10e96dc669000aaacb27c87abd65cc297209a4f0f5693517dc1ba1d886c83ddb

CREATE TABLE notes (
  id INTEGER,
  body TEXT,
  PRIMARY KEY (id)
);
CREATE TABLE tags (
  id INTEGER,
  label TEXT NOT NULL,
  PRIMARY KEY (id),
  UNIQUE (label)
);

