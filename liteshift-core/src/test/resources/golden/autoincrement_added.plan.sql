-- liteshift plan: 1 change
--   alter table events: change primary key [id] -> [id] AUTOINCREMENT
-- rebuilds events: change primary key [id] -> [id] AUTOINCREMENT

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- rebuild events: change primary key [id] -> [id] AUTOINCREMENT
-- 1. create the table as declared, under a temporary name
CREATE TABLE "_liteshift_new_events" (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT
);

-- 2. copy every row, keeping rowids
INSERT INTO "_liteshift_new_events" (id, kind)
  SELECT id, kind FROM events;

-- 3. drop the old table (foreign keys are off: no ON DELETE action fires)
DROP TABLE events;

-- 4. give the new table its name
ALTER TABLE "_liteshift_new_events" RENAME TO events;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
