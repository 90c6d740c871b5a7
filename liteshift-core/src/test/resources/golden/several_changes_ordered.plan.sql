-- liteshift plan: 4 changes
--   alter table b: drop FOREIGN KEY (a_id) REFERENCES a (id); add FOREIGN KEY (a_id) REFERENCES a (id) ON DELETE CASCADE
--   alter table a: change column x (becomes NOT NULL, default none -> '')
--   create table c
--   drop table obsolete
-- rebuilds b: drop FOREIGN KEY (a_id) REFERENCES a (id); add FOREIGN KEY (a_id) REFERENCES a (id) ON DELETE CASCADE
-- rebuilds a: change column x (becomes NOT NULL, default none -> '')

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- drop view ab (it reads a table that changes; recreated below)
DROP VIEW ab;

-- drop table obsolete (not in the declared schema)
DROP TABLE obsolete;

-- create table c
CREATE TABLE c (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b (id));

-- rebuild a: change column x (becomes NOT NULL, default none -> '')
-- 1. create the table as declared, under a temporary name
CREATE TABLE "_liteshift_new_a" (id INTEGER PRIMARY KEY, x TEXT NOT NULL DEFAULT '');

-- 2. copy every row, keeping rowids, filling NULLs of x with its DEFAULT ''
INSERT INTO "_liteshift_new_a" (id, x)
  SELECT id, coalesce(x, '') FROM a;

-- 3. drop the old table (foreign keys are off: no ON DELETE action fires)
DROP TABLE a;

-- 4. give the new table its name
ALTER TABLE "_liteshift_new_a" RENAME TO a;

-- rebuild b: drop FOREIGN KEY (a_id) REFERENCES a (id); add FOREIGN KEY (a_id) REFERENCES a (id) ON DELETE CASCADE
-- 1. create the table as declared, under a temporary name
CREATE TABLE "_liteshift_new_b" (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id) ON DELETE CASCADE, y TEXT);

-- 2. copy every row, keeping rowids
INSERT INTO "_liteshift_new_b" (id, a_id, y)
  SELECT id, a_id, y FROM b;

-- 3. drop the old table (foreign keys are off: no ON DELETE action fires)
DROP TABLE b;

-- 4. give the new table its name
ALTER TABLE "_liteshift_new_b" RENAME TO b;

-- create view ab
CREATE VIEW ab AS SELECT a.x, b.y FROM a JOIN b ON b.a_id = a.id;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
