CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  full_name TEXT, -- @renamed from=name
  age INTEGER
);
CREATE INDEX users_name ON users (full_name);
