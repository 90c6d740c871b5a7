CREATE TABLE prices (
  id INTEGER PRIMARY KEY,
  amount TEXT,
  label TEXT
);
INSERT INTO prices VALUES (1, '10', 'a'), (2, '2.5', 'b');
