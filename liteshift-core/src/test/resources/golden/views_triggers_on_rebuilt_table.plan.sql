-- liteshift plan: 1 change
--   alter table accounts: change column balance (becomes NOT NULL, default none -> 0); add CHECK (balance >= 0)
-- rebuilds accounts: change column balance (becomes NOT NULL, default none -> 0); add CHECK (balance >= 0)

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- drop trigger accounts_audit (it reads a table that changes; recreated below)
DROP TRIGGER accounts_audit;

-- drop view rich (it reads a table that changes; recreated below)
DROP VIEW rich;

-- drop view rich_count (it reads a table that changes; recreated below)
DROP VIEW rich_count;

-- rebuild accounts: change column balance (becomes NOT NULL, default none -> 0); add CHECK (balance >= 0)
-- 1. create the table as declared, under a temporary name
CREATE TABLE "_liteshift_new_accounts" (id INTEGER PRIMARY KEY, owner TEXT, balance INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0));

-- 2. copy every row, keeping rowids, filling NULLs of balance with its DEFAULT 0
INSERT INTO "_liteshift_new_accounts" (id, owner, balance)
  SELECT id, owner, coalesce(balance, 0) FROM accounts;

-- 3. drop the old table (foreign keys are off: no ON DELETE action fires)
DROP TABLE accounts;

-- 4. give the new table its name
ALTER TABLE "_liteshift_new_accounts" RENAME TO accounts;

-- create view rich
CREATE VIEW rich AS SELECT id, owner FROM accounts WHERE balance > 100;

-- create view rich_count
CREATE VIEW rich_count AS SELECT count(*) AS n FROM rich;

-- create trigger accounts_audit
CREATE TRIGGER accounts_audit AFTER UPDATE OF balance ON accounts BEGIN
  INSERT INTO audit (account_id, delta) VALUES (new.id, new.balance - old.balance);
END;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
