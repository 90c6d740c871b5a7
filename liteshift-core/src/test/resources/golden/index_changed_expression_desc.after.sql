CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer TEXT,
  total REAL,
  shipped_at TEXT
);
CREATE INDEX orders_customer ON orders (lower(customer), total DESC);
CREATE UNIQUE INDEX orders_total ON orders (total);
