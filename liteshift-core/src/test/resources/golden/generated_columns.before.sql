CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  first TEXT,
  last TEXT
);
INSERT INTO people VALUES (1, 'Ada', 'Lovelace');
