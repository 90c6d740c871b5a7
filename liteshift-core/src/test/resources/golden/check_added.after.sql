CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  price REAL CHECK (price >= 0)
);
