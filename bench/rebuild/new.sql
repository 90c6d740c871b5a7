-- The declared schema: payments.amount becomes NOT NULL DEFAULT 0, which SQLite cannot do with ALTER TABLE,
-- so the table is rebuilt (12-step procedure). Everything else is unchanged.
CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  user_id INTEGER,
  email TEXT,
  amount REAL NOT NULL DEFAULT 0,
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
