-- liteshift plan: 1 change
--   alter table memberships: change column user_id (becomes NOT NULL); change primary key [user_id] -> [user_id, team_id]
-- rebuilds memberships: change primary key [user_id] -> [user_id, team_id]

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- rebuild memberships: change primary key [user_id] -> [user_id, team_id]
-- 1. create the table as declared, under a temporary name
CREATE TABLE "_liteshift_new_memberships" (
  user_id INTEGER NOT NULL,
  team_id INTEGER NOT NULL,
  role TEXT,
  PRIMARY KEY (user_id, team_id)
);

-- 2. copy every row, keeping rowids
INSERT INTO "_liteshift_new_memberships" (rowid, user_id, team_id, role)
  SELECT rowid, user_id, team_id, role FROM memberships;

-- 3. drop the old table (foreign keys are off: no ON DELETE action fires)
DROP TABLE memberships;

-- 4. give the new table its name
ALTER TABLE "_liteshift_new_memberships" RENAME TO memberships;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
