CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  name TEXT
);
CREATE TABLE pets (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES people (id));
CREATE VIEW owners AS SELECT DISTINCT people.name FROM people JOIN pets ON pets.owner_id = people.id;
INSERT INTO people VALUES (1, 'ada'), (2, NULL);
INSERT INTO pets VALUES (1, 1);
