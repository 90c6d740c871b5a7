CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, updated INTEGER DEFAULT 0);
CREATE VIEW user_names AS SELECT id, name FROM users;
CREATE TRIGGER users_touch AFTER UPDATE OF name ON users BEGIN UPDATE users SET updated = updated + 1 WHERE id = new.id; END;
