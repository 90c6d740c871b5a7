-- liteshift snapshot: the schema after 0002_orders.sql. Written by `liteshift generate` and `liteshift hash`;
-- compared with live databases to find drift. Do not edit: change the migrations instead.
-- from: 0002_orders.sql sha256:703ddfe98495195dd744e76f0ea2dc328312cc39bc2383897fcb43c3bf5bcc85

CREATE TABLE customers (
  id INTEGER,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  PRIMARY KEY (id),
  UNIQUE (email)
);
CREATE TABLE orders (
  id INTEGER,
  customer_id INTEGER NOT NULL,
  total_cents INTEGER NOT NULL,
  PRIMARY KEY (id),
  CHECK (total_cents >= 0),
  FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
);
CREATE INDEX orders_by_customer ON orders (customer_id);

