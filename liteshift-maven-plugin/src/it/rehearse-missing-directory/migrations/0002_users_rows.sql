-- 0002_users_rows.sql: written by hand.
-- It runs in one transaction together with its journal row: all of it or none of it. BEGIN/COMMIT lines are
-- optional. A PRAGMA foreign_keys line applies to the whole migration (liteshift sets it before the
-- transaction, where SQLite honours it); without one, foreign keys are not enforced while it runs and
-- `foreign_key_check` runs before commit instead.
-- After editing, run `liteshift hash`: it updates the integrity file and this migration's schema snapshot.

INSERT INTO users (id, email) VALUES (1, 'ada@example.com'), (2, 'bob@example.com'), (3, 'cy@example.com');
