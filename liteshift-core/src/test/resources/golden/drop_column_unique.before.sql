CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT UNIQUE
);
INSERT INTO users VALUES (1, 'ada', 'a@x'), (2, 'bob', NULL);
