-- liteshift plan: 1 change
--   alter table users: add column team_id; add FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE SET NULL

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- add column users.team_id
ALTER TABLE users ADD COLUMN team_id INTEGER REFERENCES teams (id) ON DELETE SET NULL;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
