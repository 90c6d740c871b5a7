CREATE TABLE settings (
  id INTEGER PRIMARY KEY,
  theme TEXT DEFAULT 'light',
  size INTEGER DEFAULT 10
);
INSERT INTO settings (id) VALUES (1);
