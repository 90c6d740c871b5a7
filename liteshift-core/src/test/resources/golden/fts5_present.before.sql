CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE VIRTUAL TABLE notes USING fts5(body);
INSERT INTO notes (body) VALUES ('hello world');
INSERT INTO users (id, name) VALUES (1, 'ada'), (2, 'bob'), (5, 'cy');
