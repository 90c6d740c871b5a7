-- liteshift plan: 1 change
--   alter table kv: change column k (becomes NOT NULL); becomes WITHOUT ROWID
-- rebuilds kv: becomes WITHOUT ROWID

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- rebuild kv: becomes WITHOUT ROWID
-- 1. create the table as declared, under a temporary name
CREATE TABLE "_liteshift_new_kv" (
  k TEXT PRIMARY KEY,
  v TEXT
) WITHOUT ROWID;

-- 2. copy every row
INSERT INTO "_liteshift_new_kv" (k, v)
  SELECT k, v FROM kv;

-- 3. drop the old table (foreign keys are off: no ON DELETE action fires)
DROP TABLE kv;

-- 4. give the new table its name
ALTER TABLE "_liteshift_new_kv" RENAME TO kv;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
