-- @renamed from=users
CREATE TABLE people (
  id        INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL, -- @renamed from=name
  age       INTEGER CHECK (age >= 0)
);
