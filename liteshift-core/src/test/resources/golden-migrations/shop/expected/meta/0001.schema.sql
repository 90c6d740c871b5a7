-- liteshift snapshot: the schema after 0001_create_table_customers_create_table_orders.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0001_create_table_customers_create_table_orders.sql sha256:7fcc0e6c01b101df97e545ab21d69ad38f81b46792142b5a4a3b42b606edf906

CREATE TABLE customers (
  id INTEGER,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  country TEXT,
  PRIMARY KEY (id),
  UNIQUE (email)
);
CREATE TABLE orders (
  id INTEGER,
  customer_id INTEGER NOT NULL,
  total_cents INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
);
CREATE INDEX orders_by_customer ON orders (customer_id);

