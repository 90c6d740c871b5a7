CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer TEXT,
  total REAL,
  shipped_at TEXT
);
CREATE INDEX orders_unshipped ON orders (customer) WHERE shipped_at IS NULL;
