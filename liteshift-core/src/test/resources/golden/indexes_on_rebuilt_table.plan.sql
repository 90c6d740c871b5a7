-- liteshift plan: 2 changes
--   alter table orders: add CHECK (total >= 0)
--   create index orders_new
-- rebuilds orders: add CHECK (total >= 0)

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- rebuild orders: add CHECK (total >= 0)
-- 1. create the table as declared, under a temporary name
CREATE TABLE "_liteshift_new_orders" (
  id INTEGER PRIMARY KEY,
  customer TEXT,
  total REAL CHECK (total >= 0)
);

-- 2. copy every row, keeping rowids
INSERT INTO "_liteshift_new_orders" (id, customer, total)
  SELECT id, customer, total FROM orders;

-- 3. drop the old table (foreign keys are off: no ON DELETE action fires)
DROP TABLE orders;

-- 4. give the new table its name
ALTER TABLE "_liteshift_new_orders" RENAME TO orders;

-- create index orders_lower (dropped with the old orders)
CREATE INDEX orders_lower ON orders (lower(customer)) WHERE total > 0;

-- create index orders_total (dropped with the old orders)
CREATE UNIQUE INDEX orders_total ON orders (total DESC, customer COLLATE NOCASE);

-- create index orders_new
CREATE INDEX orders_new ON orders (customer, total);

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
