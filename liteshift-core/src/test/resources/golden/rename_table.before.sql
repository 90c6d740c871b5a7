CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  name TEXT
);
CREATE TABLE pets (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES people (id));
CREATE INDEX people_name ON people (name);
INSERT INTO people VALUES (1, 'ada');
INSERT INTO pets VALUES (1, 1);
