-- liteshift plan: 2 changes
--   alter table users: drop column email
--   drop index users_email

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- drop index users_email
DROP INDEX users_email;

-- drop column users.email (not in the declared schema)
ALTER TABLE users DROP COLUMN email;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
