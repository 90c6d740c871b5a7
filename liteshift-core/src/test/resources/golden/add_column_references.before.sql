CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE teams (id INTEGER PRIMARY KEY, title TEXT);
INSERT INTO users (id, name) VALUES (1, 'ada'), (2, 'bob'), (5, 'cy');
