-- 0002_seed_rows.sql: written by hand.
-- It runs in one transaction together with its journal row: all of it or none of it. BEGIN/COMMIT lines are
-- optional. A PRAGMA foreign_keys line applies to the whole migration (liteshift sets it before the
-- transaction, where SQLite honours it); without one, foreign keys are not enforced while it runs and
-- `foreign_key_check` runs before commit instead.
-- After editing, run `liteshift hash`: it updates the integrity file and this migration's schema snapshot.

INSERT INTO customers (id, email, name) VALUES
  (1, 'ada@example.com', 'Ada'),
  (2, 'Bob@Example.com', 'Bob'),
  (3, 'cy@example.com', 'Cy');
INSERT INTO orders (id, customer_id, total_cents) VALUES
  (1, 1, 1200), (2, 1, 800), (3, 2, 4500), (4, 3, 99);
