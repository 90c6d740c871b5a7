-- liteshift snapshot: the schema after 0002_seed_rows.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0002_seed_rows.sql sha256:d9fc4ae0491ccd3e8d7bebe78f4444d08280670c6f0ccc8246ebab87dbbf5c3f

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

