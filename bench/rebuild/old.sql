-- The schema the benchmark database starts with.
CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  user_id INTEGER,
  email TEXT,
  amount REAL,
  created_at TEXT
);
CREATE INDEX payments_user_id ON payments (user_id);
CREATE INDEX payments_email ON payments (email);

CREATE TABLE refunds (
  id INTEGER PRIMARY KEY,
  payment_id INTEGER NOT NULL REFERENCES payments (id) ON DELETE CASCADE,
  reason TEXT
);
CREATE INDEX refunds_payment_id ON refunds (payment_id);
