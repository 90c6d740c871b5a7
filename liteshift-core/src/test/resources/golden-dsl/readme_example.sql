CREATE TABLE customers (
  id INTEGER,
  email TEXT NOT NULL COLLATE NOCASE,
  full_name TEXT NOT NULL, -- @renamed from=name
  PRIMARY KEY (id),
  UNIQUE (email)
);

CREATE TABLE orders (
  id INTEGER,
  customer_id INTEGER NOT NULL,
  total_cents INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  CHECK (total_cents >= 0),
  FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
);

CREATE INDEX orders_by_customer ON orders (customer_id, created_at DESC);
