-- liteshift plan: 1 change
--   alter table people: add column full_name; add column initials
-- rebuilds people: add column initials (a STORED generated column cannot be added in place)

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- rebuild people: add column initials (a STORED generated column cannot be added in place)
-- 1. create the table as declared, under a temporary name
CREATE TABLE "_liteshift_new_people" (
  id INTEGER PRIMARY KEY,
  first TEXT,
  last TEXT,
  full_name TEXT GENERATED ALWAYS AS (first || ' ' || last) VIRTUAL,
  initials TEXT AS (substr(first, 1, 1) || substr(last, 1, 1)) STORED
);

-- 2. copy every row, keeping rowids
INSERT INTO "_liteshift_new_people" (id, "first", "last")
  SELECT id, "first", "last" FROM people;

-- 3. drop the old table (foreign keys are off: no ON DELETE action fires)
DROP TABLE people;

-- 4. give the new table its name
ALTER TABLE "_liteshift_new_people" RENAME TO people;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
