-- version 2: email compares case-insensitively (customers is rebuilt: ALTER TABLE cannot change a collation),
-- every customer gets a country, and orders are found by customer.
CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL COLLATE NOCASE,
  name TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT 'unknown'
);

CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  total_cents INTEGER NOT NULL
);

CREATE INDEX orders_by_customer ON orders (customer_id);
