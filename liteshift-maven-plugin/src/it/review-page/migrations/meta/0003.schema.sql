-- liteshift snapshot: the schema after 0003_orders_note.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0003_orders_note.sql sha256:a77a267f44226339573118e2ea36701b844c9b65a2b42e1826f1f16c042f11a4

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
  note TEXT,
  PRIMARY KEY (id),
  FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
);

