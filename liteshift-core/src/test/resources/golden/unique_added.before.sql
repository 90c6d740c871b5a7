CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT
);
INSERT INTO users VALUES (1, 'a@x'), (2, 'b@x');
