-- liteshift plan: 3 changes
--   create table posts
--   create table tags
--   create index posts_user

-- Foreign keys are switched off outside the transaction (inside one SQLite ignores the pragma),
-- so rebuilding a parent table never fires ON DELETE actions on its children.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

-- create table posts
CREATE TABLE posts (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  title TEXT
);

-- create table tags
CREATE TABLE tags (id INTEGER PRIMARY KEY, post_id INTEGER REFERENCES posts (id));

-- create index posts_user
CREATE INDEX posts_user ON posts (user_id);

-- Any row that now breaks a foreign key is listed here; liteshift rolls back when there is one.
PRAGMA foreign_key_check;
COMMIT;
PRAGMA foreign_keys = ON;
