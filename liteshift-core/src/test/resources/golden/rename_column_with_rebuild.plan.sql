-- liteshift plan: 1 change
--   alter table users: rename column name to full_name; change column age (type TEXT -> INTEGER)
-- rebuilds users: change column age (type TEXT -> INTEGER)

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- rename column users.name to full_name (declared with @renamed)
ALTER TABLE users RENAME COLUMN name TO full_name;

-- rebuild users: change column age (type TEXT -> INTEGER)
-- 1. create the table as declared, under a temporary name
CREATE TABLE "_liteshift_new_users" (
  id INTEGER PRIMARY KEY,
  full_name TEXT,
  age INTEGER
);

-- 2. copy every row, keeping rowids
INSERT INTO "_liteshift_new_users" (id, full_name, age)
  SELECT id, full_name, age FROM users;

-- 3. drop the old table (foreign keys are off: no ON DELETE action fires)
DROP TABLE users;

-- 4. give the new table its name
ALTER TABLE "_liteshift_new_users" RENAME TO users;

-- create index users_name (dropped with the old users)
CREATE INDEX users_name ON users (full_name);

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
