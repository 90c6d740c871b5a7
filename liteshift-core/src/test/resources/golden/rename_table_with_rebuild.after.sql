-- @renamed from=people
CREATE TABLE persons (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL DEFAULT 'anonymous'
);
CREATE TABLE pets (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES persons (id));
CREATE VIEW owners AS SELECT DISTINCT persons.name FROM persons JOIN pets ON pets.owner_id = persons.id;
