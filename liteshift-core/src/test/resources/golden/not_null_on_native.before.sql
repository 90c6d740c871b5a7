CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT,
  country TEXT DEFAULT 'NL'
);
INSERT INTO users VALUES (1, 'a@x', NULL), (2, 'b@x', 'BE');
