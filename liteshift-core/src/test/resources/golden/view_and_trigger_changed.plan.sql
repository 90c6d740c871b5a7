-- liteshift plan: 6 changes
--   drop view v
--   drop view gone
--   create view v
--   create view added
--   drop trigger tr
--   create trigger tr

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- drop trigger tr (its definition changed; recreated below)
DROP TRIGGER tr;

-- drop view v (its definition changed; recreated below)
DROP VIEW v;

-- drop view gone (not in the declared schema)
DROP VIEW gone;

-- create view v
CREATE VIEW v AS SELECT a, b FROM t;

-- create view added
CREATE VIEW added AS SELECT id FROM t;

-- create trigger tr
CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 2; END;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
