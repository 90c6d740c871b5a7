CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT
);
CREATE INDEX users_email ON users (email);
CREATE INDEX users_name ON users (name);
INSERT INTO users VALUES (1, 'ada', 'a@x'), (2, 'bob', NULL);
