-- liteshift plan: 1 change
--   alter table users: add column active; add column role; add CHECK (role IN ('member', 'admin'))

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- add column users.active
ALTER TABLE users ADD COLUMN active INTEGER NOT NULL DEFAULT 1;

-- add column users.role
ALTER TABLE users ADD COLUMN role TEXT DEFAULT 'member' CHECK (role IN ('member', 'admin'));

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
