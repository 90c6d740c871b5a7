-- liteshift plan: 2 changes
--   drop index orders_customer
--   create index orders_customer

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- drop index orders_customer (its definition changed; recreated below)
DROP INDEX orders_customer;

-- create index orders_customer
CREATE INDEX orders_customer ON orders (lower(customer), total DESC);

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
