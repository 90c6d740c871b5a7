-- liteshift plan: 1 change
--   alter table events: change column kind (becomes NOT NULL, default none -> 'unknown')
-- rebuilds events: change column kind (becomes NOT NULL, default none -> 'unknown')

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- rebuild events: change column kind (becomes NOT NULL, default none -> 'unknown')
-- 1. create the table as declared, under a temporary name
CREATE TABLE "_liteshift_new_events" (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL DEFAULT 'unknown'
);

-- 2. copy every row, keeping rowids, filling NULLs of kind with its DEFAULT 'unknown'
INSERT INTO "_liteshift_new_events" (id, kind)
  SELECT id, coalesce(kind, 'unknown') FROM events;

-- keep the AUTOINCREMENT counter, so ids of deleted rows are never reused
INSERT INTO sqlite_sequence (name, seq) SELECT '_liteshift_new_events', seq FROM sqlite_sequence WHERE name = 'events' AND seq IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '_liteshift_new_events');

UPDATE sqlite_sequence SET seq = max(coalesce(seq, 0), coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0)) WHERE name = '_liteshift_new_events';

-- 3. drop the old table (foreign keys are off: no ON DELETE action fires)
DROP TABLE events;

-- 4. give the new table its name
ALTER TABLE "_liteshift_new_events" RENAME TO events;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
