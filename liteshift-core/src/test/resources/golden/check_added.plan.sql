-- liteshift plan: 1 change
--   alter table products: add CHECK (price >= 0)
-- rebuilds products: add CHECK (price >= 0)

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- rebuild products: add CHECK (price >= 0)
-- 1. create the table as declared, under a temporary name
CREATE TABLE "_liteshift_new_products" (
  id INTEGER PRIMARY KEY,
  price REAL CHECK (price >= 0)
);

-- 2. copy every row, keeping rowids
INSERT INTO "_liteshift_new_products" (id, price)
  SELECT id, price FROM products;

-- 3. drop the old table (foreign keys are off: no ON DELETE action fires)
DROP TABLE products;

-- 4. give the new table its name
ALTER TABLE "_liteshift_new_products" RENAME TO products;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
