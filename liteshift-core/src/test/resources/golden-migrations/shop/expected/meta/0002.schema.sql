-- liteshift snapshot: the schema after 0002_alter_table_customers_alter_table_orders.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0002_alter_table_customers_alter_table_orders.sql sha256:1c2449e4a0a98e217b12edf9fe4e82625cc0f9cac53c6536d7e920d6f52d07ce

CREATE TABLE orders (
  id INTEGER,
  customer_id INTEGER NOT NULL,
  total_cents INTEGER NOT NULL DEFAULT 0,
  note TEXT,
  PRIMARY KEY (id),
  FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
);
CREATE TABLE customers (
  id INTEGER,
  full_name TEXT NOT NULL,
  email TEXT NOT NULL COLLATE NOCASE,
  country TEXT NOT NULL DEFAULT 'unknown',
  PRIMARY KEY (id),
  UNIQUE (email)
);
CREATE INDEX orders_by_customer ON orders (customer_id);
CREATE VIEW customer_totals AS
  SELECT c.id, c.full_name, sum(o.total_cents) AS spent FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.id;

