-- @renamed from=customers
CREATE TABLE clients (
  id INTEGER,
  full_name TEXT NOT NULL, -- @renamed from=name
  "e-mail" TEXT, -- @renamed from="old mail"
  PRIMARY KEY (id)
);

CREATE TABLE notes (
  id INTEGER,
  body TEXT, -- @renamed from=text
  PRIMARY KEY (id)
);
