-- @renamed from=people
CREATE TABLE persons (
  id INTEGER PRIMARY KEY,
  name TEXT
);
CREATE TABLE pets (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES persons (id));
CREATE INDEX people_name ON persons (name);
