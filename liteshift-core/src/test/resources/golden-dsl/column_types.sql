CREATE TABLE kinds (
  i INTEGER,
  i2 INT,
  t TEXT,
  r REAL,
  b BLOB,
  n NUMERIC,
  v VARCHAR(80),
  d DECIMAL(10, 2),
  untyped
);
