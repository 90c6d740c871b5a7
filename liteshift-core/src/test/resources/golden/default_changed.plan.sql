-- liteshift plan: 1 change
--   alter table settings: change column theme (default 'light' -> 'dark')
-- rebuilds settings: change column theme (default 'light' -> 'dark')

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- rebuild settings: change column theme (default 'light' -> 'dark')
-- 1. create the table as declared, under a temporary name
CREATE TABLE "_liteshift_new_settings" (
  id INTEGER PRIMARY KEY,
  theme TEXT DEFAULT 'dark',
  size INTEGER DEFAULT 10
);

-- 2. copy every row, keeping rowids
INSERT INTO "_liteshift_new_settings" (id, theme, size)
  SELECT id, theme, size FROM settings;

-- 3. drop the old table (foreign keys are off: no ON DELETE action fires)
DROP TABLE settings;

-- 4. give the new table its name
ALTER TABLE "_liteshift_new_settings" RENAME TO settings;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
