-- liteshift plan: 3 changes
--   alter table persons: rename table people to persons; change column name (becomes NOT NULL, default none -> 'anonymous')
--   drop view owners
--   create view owners
-- rebuilds persons: change column name (becomes NOT NULL, default none -> 'anonymous')

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- drop view owners (its definition changed; recreated below)
DROP VIEW owners;

-- rename table people to persons (declared with @renamed; references follow)
ALTER TABLE people RENAME TO persons;

-- rebuild persons: change column name (becomes NOT NULL, default none -> 'anonymous')
-- 1. create the table as declared, under a temporary name
CREATE TABLE "_liteshift_new_persons" (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL DEFAULT 'anonymous'
);

-- 2. copy every row, keeping rowids, filling NULLs of name with its DEFAULT 'anonymous'
INSERT INTO "_liteshift_new_persons" (id, name)
  SELECT id, coalesce(name, 'anonymous') FROM persons;

-- 3. drop the old table (foreign keys are off: no ON DELETE action fires)
DROP TABLE persons;

-- 4. give the new table its name
ALTER TABLE "_liteshift_new_persons" RENAME TO persons;

-- create view owners
CREATE VIEW owners AS SELECT DISTINCT persons.name FROM persons JOIN pets ON pets.owner_id = persons.id;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
