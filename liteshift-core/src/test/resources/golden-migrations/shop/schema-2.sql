CREATE TABLE customers (
  id        INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL, -- @renamed from=name
  email     TEXT NOT NULL UNIQUE COLLATE NOCASE,
  country   TEXT NOT NULL DEFAULT 'unknown'
);
CREATE TABLE orders (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  total_cents INTEGER NOT NULL DEFAULT 0,
  note        TEXT
);
CREATE INDEX orders_by_customer ON orders(customer_id);
CREATE VIEW customer_totals AS
  SELECT c.id, c.full_name, sum(o.total_cents) AS spent FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.id;
