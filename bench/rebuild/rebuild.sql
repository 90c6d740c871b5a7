-- The hand-written 12-step rebuild (https://www.sqlite.org/lang_altertable.html#otheralter) doing what
-- liteshift does for new.sql: payments.amount becomes NOT NULL DEFAULT 0, NULLs filled with the default.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
CREATE TABLE _new_payments (
  id INTEGER PRIMARY KEY,
  user_id INTEGER,
  email TEXT,
  amount REAL NOT NULL DEFAULT 0,
  created_at TEXT
);
INSERT INTO _new_payments (id, user_id, email, amount, created_at)
  SELECT id, user_id, email, coalesce(amount, 0), created_at FROM payments;
DROP TABLE payments;
ALTER TABLE _new_payments RENAME TO payments;
CREATE INDEX payments_user_id ON payments (user_id);
CREATE INDEX payments_email ON payments (email);
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
