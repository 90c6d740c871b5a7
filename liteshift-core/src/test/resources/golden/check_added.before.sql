CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  price REAL
);
INSERT INTO products VALUES (1, 9.5), (2, NULL);
