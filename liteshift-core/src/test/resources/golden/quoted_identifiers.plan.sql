-- liteshift plan: 2 changes
--   alter table "order": change column "group by" (becomes NOT NULL, default none -> ''); change column "Ünï" (type TEXT -> INTEGER); add column "new col"
--   create table "from"
-- rebuilds "order": change column "group by" (becomes NOT NULL, default none -> ''); change column "Ünï" (type TEXT -> INTEGER)

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- create table "from"
CREATE TABLE "from" ("to" INTEGER REFERENCES "order" ("select"));

-- rebuild "order": change column "group by" (becomes NOT NULL, default none -> ''); change column "Ünï" (type TEXT -> INTEGER)
-- 1. create the table as declared, under a temporary name
CREATE TABLE "_liteshift_new_order" ("select" INTEGER PRIMARY KEY, "group by" TEXT NOT NULL DEFAULT '', [x"y] TEXT, "Ünï" INTEGER, "new col" TEXT);

-- 2. copy every row, keeping rowids, filling NULLs of group by with its DEFAULT ''
INSERT INTO "_liteshift_new_order" ("select", "group by", "x""y", "Ünï")
  SELECT "select", coalesce("group by", ''), "x""y", "Ünï" FROM "order";

-- 3. drop the old table (foreign keys are off: no ON DELETE action fires)
DROP TABLE "order";

-- 4. give the new table its name
ALTER TABLE "_liteshift_new_order" RENAME TO "order";

-- create index "order index" (dropped with the old "order")
CREATE INDEX "order index" ON "order" ("group by");

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
