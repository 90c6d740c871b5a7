-- liteshift plan: 2 changes
--   drop table b
--   drop view bs

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- drop view bs (not in the declared schema)
DROP VIEW bs;

-- drop table b (not in the declared schema)
DROP TABLE b;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
