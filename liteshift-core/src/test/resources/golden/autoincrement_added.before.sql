CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  kind TEXT
);
INSERT INTO events (kind) VALUES ('a'), ('b');
