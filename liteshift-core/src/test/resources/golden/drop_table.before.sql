CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE old_log (id INTEGER PRIMARY KEY, msg TEXT);
CREATE INDEX old_log_msg ON old_log (msg);
INSERT INTO old_log (msg) VALUES ('x');
INSERT INTO users (id, name) VALUES (1, 'ada'), (2, 'bob'), (5, 'cy');
