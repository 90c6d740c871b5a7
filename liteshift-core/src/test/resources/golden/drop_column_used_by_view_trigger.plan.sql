-- liteshift plan: 2 changes
--   alter table users: drop column legacy_code
--   drop view legacy

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- drop trigger users_touch (it reads a table that changes; recreated below)
DROP TRIGGER users_touch;

-- drop view user_names (it reads a table that changes; recreated below)
DROP VIEW user_names;

-- drop view legacy (not in the declared schema)
DROP VIEW legacy;

-- drop column users.legacy_code (not in the declared schema)
ALTER TABLE users DROP COLUMN legacy_code;

-- create view user_names
CREATE VIEW user_names AS SELECT id, name FROM users;

-- create trigger users_touch
CREATE TRIGGER users_touch AFTER UPDATE OF name ON users BEGIN UPDATE users SET updated = updated + 1 WHERE id = new.id; END;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
