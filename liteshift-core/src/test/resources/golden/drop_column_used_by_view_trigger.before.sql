CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, legacy_code TEXT, updated INTEGER DEFAULT 0);
CREATE VIEW user_names AS SELECT id, name FROM users;
CREATE VIEW legacy AS SELECT id, legacy_code FROM users;
CREATE TRIGGER users_touch AFTER UPDATE OF name ON users BEGIN UPDATE users SET updated = updated + 1 WHERE id = new.id; END;
INSERT INTO users (id, name, legacy_code) VALUES (1, 'ada', 'A1'), (2, 'bob', NULL);
