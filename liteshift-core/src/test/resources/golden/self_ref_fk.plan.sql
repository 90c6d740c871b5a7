-- liteshift plan: 1 change
--   alter table nodes: change column label (becomes NOT NULL, default none -> ''); drop FOREIGN KEY (parent_id) REFERENCES nodes (id); add FOREIGN KEY (parent_id) REFERENCES nodes (id) ON DELETE CASCADE
-- rebuilds nodes: change column label (becomes NOT NULL, default none -> ''); drop FOREIGN KEY (parent_id) REFERENCES nodes (id); add FOREIGN KEY (parent_id) REFERENCES nodes (id) ON DELETE CASCADE

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- rebuild nodes: change column label (becomes NOT NULL, default none -> ''); drop FOREIGN KEY (parent_id) REFERENCES nodes (id); add FOREIGN KEY (parent_id) REFERENCES nodes (id) ON DELETE CASCADE
-- 1. create the table as declared, under a temporary name
CREATE TABLE "_liteshift_new_nodes" (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES nodes (id) ON DELETE CASCADE,
  label TEXT NOT NULL DEFAULT ''
);

-- 2. copy every row, keeping rowids, filling NULLs of label with its DEFAULT ''
INSERT INTO "_liteshift_new_nodes" (id, parent_id, label)
  SELECT id, parent_id, coalesce(label, '') FROM nodes;

-- 3. drop the old table (foreign keys are off: no ON DELETE action fires)
DROP TABLE nodes;

-- 4. give the new table its name
ALTER TABLE "_liteshift_new_nodes" RENAME TO nodes;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
