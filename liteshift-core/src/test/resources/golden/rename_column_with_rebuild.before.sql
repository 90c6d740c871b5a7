CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT,
  age TEXT
);
CREATE INDEX users_name ON users (name);
INSERT INTO users VALUES (1, 'ada', '36'), (2, NULL, '7');
