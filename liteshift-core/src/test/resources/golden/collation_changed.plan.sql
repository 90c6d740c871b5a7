-- liteshift plan: 1 change
--   alter table users: change column email (collation none -> NOCASE)
-- rebuilds users: change column email (collation none -> NOCASE)

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- rebuild users: change column email (collation none -> NOCASE)
-- 1. create the table as declared, under a temporary name
CREATE TABLE "_liteshift_new_users" (
  id INTEGER PRIMARY KEY,
  email TEXT COLLATE NOCASE UNIQUE
);

-- 2. copy every row, keeping rowids
INSERT INTO "_liteshift_new_users" (id, email)
  SELECT id, email FROM users;

-- 3. drop the old table (foreign keys are off: no ON DELETE action fires)
DROP TABLE users;

-- 4. give the new table its name
ALTER TABLE "_liteshift_new_users" RENAME TO users;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
