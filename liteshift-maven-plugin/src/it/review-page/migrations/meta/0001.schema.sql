-- liteshift snapshot: the schema after 0001_init.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0001_init.sql sha256:11de879063e7c86ecf7cceab547a1f2f096d0614ea82a13c9584f4fcc0ea5874

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

