CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer TEXT,
  total REAL,
  shipped_at TEXT
);
CREATE INDEX orders_customer ON orders (customer);
INSERT INTO orders VALUES (1, 'ada', 10, NULL), (2, 'bob', 20, '2024-01-01');
