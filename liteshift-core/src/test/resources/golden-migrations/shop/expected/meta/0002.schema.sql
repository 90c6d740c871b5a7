-- liteshift snapshot: the schema after 0002_alter_table_customers_alter_table_orders.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0002_alter_table_customers_alter_table_orders.sql sha256:bb4b0b213a2fa799a7ea97a5de236e56de6287ba1203b3749cf90ba64febddad

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

