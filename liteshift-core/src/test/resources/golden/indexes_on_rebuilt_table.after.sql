CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer TEXT,
  total REAL CHECK (total >= 0)
);
CREATE INDEX orders_lower ON orders (lower(customer)) WHERE total > 0;
CREATE UNIQUE INDEX orders_total ON orders (total DESC, customer COLLATE NOCASE);
CREATE INDEX orders_new ON orders (customer, total);
