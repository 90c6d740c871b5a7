-- liteshift plan: 3 changes
--   alter table users: rename column name to full_name; rename column mail to email
--   drop view mails
--   create view mails

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- drop view mails (its definition changed; recreated below)
DROP VIEW mails;

-- rename column users.name to full_name (declared with @renamed)
ALTER TABLE users RENAME COLUMN name TO full_name;

-- rename column users.mail to email (declared with @renamed)
ALTER TABLE users RENAME COLUMN mail TO email;

-- create view mails
CREATE VIEW mails AS SELECT email FROM users;

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
