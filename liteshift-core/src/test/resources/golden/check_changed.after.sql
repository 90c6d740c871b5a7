CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  price REAL,
  CONSTRAINT price_positive CHECK (price >= 0)
);
