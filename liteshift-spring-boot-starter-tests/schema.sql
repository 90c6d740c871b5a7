-- The test application's declared schema. Its migrations (src/main/resources/db/migrations) were generated from
-- it with `liteshift generate`: 0001 with the customers table alone, 0002 after orders was added.
CREATE TABLE customers (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE
);

CREATE TABLE orders (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  total_cents INTEGER NOT NULL CHECK (total_cents >= 0)
);

CREATE INDEX orders_by_customer ON orders (customer_id);
