CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  qty INTEGER,
  label TEXT
);
INSERT INTO items VALUES (1, 3, 'x'), (2, NULL, 'y');
