CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT UNIQUE
);
INSERT INTO users VALUES (1, 'A@x'), (2, 'b@x');
