-- liteshift plan: 1 change
--   alter table users: change column email (becomes NOT NULL); change column country (becomes NOT NULL)

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- users.email becomes NOT NULL
ALTER TABLE users ALTER COLUMN email SET NOT NULL;

-- fill the NULLs of users.country with its DEFAULT before it becomes NOT NULL
UPDATE users SET country = 'NL' WHERE country IS NULL;

-- users.country becomes NOT NULL
ALTER TABLE users ALTER COLUMN country SET NOT NULL;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
