-- 0004_notes.sql: written by hand, deployed before 0003 (a branch merged late).
CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
