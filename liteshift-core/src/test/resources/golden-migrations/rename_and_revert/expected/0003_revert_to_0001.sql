-- 0003_revert_to_0001.sql
-- Written by `liteshift revert --to 1`: takes the schema back to what it was after 0001. The migrations after it stay in the history.
-- Review it like code. If you edit it, run `liteshift hash` afterwards.
--
-- Changes:
--   alter table users: rename table people to users; rename column full_name to name; add column nickname; drop column age; drop CHECK (age >= 0)
-- Rebuilt tables (SQLite's ALTER TABLE cannot do this in place; every row is copied):
--   users: drop column age (a CHECK uses it); drop CHECK (age >= 0)
-- Needs attention:
--   - warning [rolling-rename] renames table people to users: the application version still running during a rolling deploy reads people and fails. Fix: expand/contract: add the new one, deploy code that uses it, backfill, and drop the old one in a later release.
--   - warning [rolling-rename] renames column users.full_name to name: the application version still running during a rolling deploy reads full_name and fails. Fix: expand/contract: add the new one, deploy code that uses it, backfill, and drop the old one in a later release.
--   - warning [drop-column] drops column users.age and its values. Fix: keep a backup; if it was renamed, declare the rename (-- @renamed from=age).
--   - warning [rolling-drop] drops column users.age, which the application version still running during a rolling deploy may read (SELECT * or by name). Fix: expand/contract: add the new one, deploy code that uses it, backfill, and drop the old one in a later release.
--   - info [rebuild] rebuilds users (drop column age (a CHECK uses it); drop CHECK (age >= 0)): every row is copied while the write lock is held, and the copy needs free disk space. Fix: `liteshift lint --db` gives rows, bytes and lock time; migrate when the load is low.
-- Renames (read by `liteshift revert`):
-- liteshift:renamed table "people" to "users"
-- liteshift:renamed column "users"."full_name" to "name"

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- rename table people to users (declared with @renamed; references follow)
ALTER TABLE people RENAME TO users;

-- rename column users.full_name to name (declared with @renamed)
ALTER TABLE users RENAME COLUMN full_name TO name;

-- rebuild users: drop column age (a CHECK uses it); drop CHECK (age >= 0)
-- 1. create the table as declared, under a temporary name
CREATE TABLE "_liteshift_new_users" (id INTEGER PRIMARY KEY, name TEXT NOT NULL, nickname TEXT);

-- 2. copy every row, keeping rowids
INSERT INTO "_liteshift_new_users" (id, name)
  SELECT id, name FROM users;

-- 3. drop the old table (foreign keys are off: no ON DELETE action fires)
DROP TABLE users;

-- 4. give the new table its name
ALTER TABLE "_liteshift_new_users" RENAME TO users;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
