-- liteshift plan: 1 change
--   alter table authors: change column name (becomes NOT NULL, default none -> '', collation none -> NOCASE)
-- rebuilds authors: change column name (becomes NOT NULL, default none -> '', collation none -> NOCASE)

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- rebuild authors: change column name (becomes NOT NULL, default none -> '', collation none -> NOCASE)
-- 1. create the table as declared, under a temporary name
CREATE TABLE "_liteshift_new_authors" (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '' COLLATE NOCASE);

-- 2. copy every row, keeping rowids, filling NULLs of name with its DEFAULT ''
INSERT INTO "_liteshift_new_authors" (id, name)
  SELECT id, coalesce(name, '') FROM authors;

-- 3. drop the old table (foreign keys are off: no ON DELETE action fires)
DROP TABLE authors;

-- 4. give the new table its name
ALTER TABLE "_liteshift_new_authors" RENAME TO authors;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
