-- A small shop, version 1: the schema the application started with.

CREATE TABLE customers (
  id         INTEGER PRIMARY KEY,
  email      TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  country    TEXT,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE products (
  id          INTEGER PRIMARY KEY,
  sku         TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL,
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0)
);

-- Deleting a customer deletes their orders (and, through order_items, the lines of those orders).
CREATE TABLE orders (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  status      TEXT NOT NULL DEFAULT 'open',
  placed_at   TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  total_cents INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE order_items (
  order_id    INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  product_id  INTEGER NOT NULL REFERENCES products(id),
  quantity    INTEGER NOT NULL CHECK (quantity > 0),
  price_cents INTEGER NOT NULL,
  PRIMARY KEY (order_id, product_id)
);

CREATE INDEX orders_by_customer ON orders(customer_id);

CREATE VIEW customer_totals AS
  SELECT c.id AS customer_id, c.email, count(o.id) AS orders, coalesce(sum(o.total_cents), 0) AS spent_cents
  FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
  GROUP BY c.id;

-- Keeps orders.total_cents equal to the sum of its lines.
CREATE TRIGGER order_items_total AFTER INSERT ON order_items
BEGIN
  UPDATE orders SET total_cents = total_cents + NEW.quantity * NEW.price_cents WHERE id = NEW.order_id;
END;
