CREATE TABLE customers (
  id INTEGER,
  email TEXT NOT NULL,
  PRIMARY KEY (id),
  UNIQUE (email)
);

CREATE TABLE orders (
  id INTEGER,
  customer_id INTEGER NOT NULL,
  referrer TEXT,
  owner INTEGER DEFAULT 0,
  PRIMARY KEY (id),
  FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE ON UPDATE RESTRICT,
  FOREIGN KEY (referrer) REFERENCES customers (email) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (owner) REFERENCES customers ON DELETE SET DEFAULT
);

CREATE TABLE order_lines (
  order_id INTEGER NOT NULL,
  line INTEGER NOT NULL,
  PRIMARY KEY (order_id, line)
);

CREATE TABLE shipments (
  id INTEGER,
  order_id INTEGER,
  line INTEGER,
  PRIMARY KEY (id),
  CONSTRAINT shipment_line FOREIGN KEY (order_id, line) REFERENCES order_lines (order_id, line) ON DELETE CASCADE,
  FOREIGN KEY (order_id) REFERENCES orders DEFERRABLE INITIALLY DEFERRED
);
