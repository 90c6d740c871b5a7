CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  price REAL
);
