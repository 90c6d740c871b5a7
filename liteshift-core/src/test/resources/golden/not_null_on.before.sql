CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT,
  country TEXT
);
INSERT INTO users VALUES (1, 'ada', 'a@x', NULL), (2, 'bob', 'b@x', 'NL');
