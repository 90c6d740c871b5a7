CREATE TABLE ranges (
  id INTEGER PRIMARY KEY,
  lo INTEGER,
  hi INTEGER,
  CHECK (lo <= hi)
);
INSERT INTO ranges VALUES (1, 1, 5);
