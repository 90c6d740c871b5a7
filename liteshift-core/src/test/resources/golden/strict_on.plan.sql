-- liteshift plan: 1 change
--   alter table items: becomes STRICT
-- rebuilds items: becomes STRICT

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- rebuild items: becomes STRICT
-- 1. create the table as declared, under a temporary name
CREATE TABLE "_liteshift_new_items" (
  id INTEGER PRIMARY KEY,
  qty INTEGER,
  label TEXT
) STRICT;

-- 2. copy every row, keeping rowids
INSERT INTO "_liteshift_new_items" (id, qty, label)
  SELECT id, qty, label FROM items;

-- 3. drop the old table (foreign keys are off: no ON DELETE action fires)
DROP TABLE items;

-- 4. give the new table its name
ALTER TABLE "_liteshift_new_items" RENAME TO items;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
