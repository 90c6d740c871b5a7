CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  price REAL CHECK (price > 0)
);
INSERT INTO products VALUES (1, 9.5);
