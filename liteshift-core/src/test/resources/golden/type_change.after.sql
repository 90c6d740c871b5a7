CREATE TABLE prices (
  id INTEGER PRIMARY KEY,
  amount REAL,
  label TEXT
);
