CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  mail TEXT
);
CREATE INDEX users_mail ON users (mail);
CREATE VIEW mails AS SELECT mail FROM users;
INSERT INTO users VALUES (1, 'ada', 'a@x');
