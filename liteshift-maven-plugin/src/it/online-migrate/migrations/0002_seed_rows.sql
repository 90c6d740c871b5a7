-- 0002_seed_rows.sql: written by hand.
-- It runs in one transaction together with its journal row: all of it or none of it. BEGIN/COMMIT lines are
-- optional. A PRAGMA foreign_keys line applies to the whole migration (liteshift sets it before the
-- transaction, where SQLite honours it); without one, foreign keys are not enforced while it runs and
-- `foreign_key_check` runs before commit instead.
-- After editing, run `liteshift hash`: it updates the integrity file and this migration's schema snapshot.

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
  INSERT INTO items SELECT i, i % 10, CASE WHEN i % 5 = 0 THEN NULL ELSE i END FROM n;
INSERT INTO notes (item_id, body) SELECT id, 'note' FROM items WHERE id % 4 = 0;
