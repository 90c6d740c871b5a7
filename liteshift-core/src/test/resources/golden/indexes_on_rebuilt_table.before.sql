CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer TEXT,
  total REAL
);
CREATE INDEX orders_lower ON orders (lower(customer)) WHERE total > 0;
CREATE UNIQUE INDEX orders_total ON orders (total DESC, customer COLLATE NOCASE);
INSERT INTO orders VALUES (1, 'ada', 10), (2, 'bob', 20);
