CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  nickname TEXT
);
INSERT INTO users VALUES (1, 'ada', 'a'), (2, 'bob', NULL);
