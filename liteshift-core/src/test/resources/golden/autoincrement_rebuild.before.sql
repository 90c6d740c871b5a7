CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT
);
INSERT INTO events (kind) VALUES ('a'), ('b'), ('c');
DELETE FROM events WHERE id = 3;
