-- liteshift snapshot: the schema after 0002_rows.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0002_rows.sql sha256:33cb70fb4df7ed3f7275fa5bd097d8df4be37d98ea298e1b3f721b876f6c03dd

CREATE TABLE customers (
  id INTEGER,
  name TEXT NOT NULL,
  country TEXT,
  PRIMARY KEY (id)
);
CREATE TABLE orders (
  id INTEGER,
  customer_id INTEGER NOT NULL,
  total_cents INTEGER NOT NULL,
  PRIMARY KEY (id),
  FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
);
CREATE TABLE audit_log (
  id INTEGER,
  what TEXT,
  PRIMARY KEY (id)
);

