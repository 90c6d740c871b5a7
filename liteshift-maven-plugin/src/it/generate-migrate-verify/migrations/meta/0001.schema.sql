-- liteshift snapshot: the schema after 0001_init.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0001_init.sql sha256:99d6358d4433519011754a16d2031be67b22469c80e270cf211719db25c388c1

CREATE TABLE customers (
  id INTEGER,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (id)
);
CREATE TABLE orders (
  id INTEGER,
  customer_id INTEGER NOT NULL,
  total_cents INTEGER NOT NULL,
  PRIMARY KEY (id),
  FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
);

