CREATE TABLE nodes (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES nodes (id),
  label TEXT
);
INSERT INTO nodes VALUES (1, NULL, 'root'), (2, 1, 'kid'), (3, 2, 'grandkid');
