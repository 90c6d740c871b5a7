CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  role TEXT DEFAULT 'member' CHECK (role IN ('member', 'admin'))
);
