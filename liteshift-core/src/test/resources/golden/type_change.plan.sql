-- liteshift plan: 1 change
--   alter table prices: change column amount (type TEXT -> REAL)
-- rebuilds prices: change column amount (type TEXT -> REAL)

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- rebuild prices: change column amount (type TEXT -> REAL)
-- 1. create the table as declared, under a temporary name
CREATE TABLE "_liteshift_new_prices" (
  id INTEGER PRIMARY KEY,
  amount REAL,
  label TEXT
);

-- 2. copy every row, keeping rowids
INSERT INTO "_liteshift_new_prices" (id, amount, label)
  SELECT id, amount, label FROM prices;

-- 3. drop the old table (foreign keys are off: no ON DELETE action fires)
DROP TABLE prices;

-- 4. give the new table its name
ALTER TABLE "_liteshift_new_prices" RENAME TO prices;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
