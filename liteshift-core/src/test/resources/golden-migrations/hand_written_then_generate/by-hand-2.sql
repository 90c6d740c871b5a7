-- a backfill written by hand, between two generated migrations
UPDATE notes SET body = '' WHERE body IS NULL;
CREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE);
