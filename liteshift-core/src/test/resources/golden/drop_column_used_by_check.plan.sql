-- liteshift plan: 1 change
--   alter table ranges: drop column hi; drop CHECK (lo <= hi)
-- rebuilds ranges: drop column hi (a CHECK uses it); drop CHECK (lo <= hi)

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- rebuild ranges: drop column hi (a CHECK uses it); drop CHECK (lo <= hi)
-- 1. create the table as declared, under a temporary name
CREATE TABLE "_liteshift_new_ranges" (
  id INTEGER PRIMARY KEY,
  lo INTEGER
);

-- 2. copy every row, keeping rowids
INSERT INTO "_liteshift_new_ranges" (id, lo)
  SELECT id, lo FROM ranges;

-- 3. drop the old table (foreign keys are off: no ON DELETE action fires)
DROP TABLE ranges;

-- 4. give the new table its name
ALTER TABLE "_liteshift_new_ranges" RENAME TO ranges;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
