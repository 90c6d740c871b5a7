CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL, -- @renamed from=name
  email TEXT -- @renamed from=mail
);
CREATE INDEX users_mail ON users (email);
CREATE VIEW mails AS SELECT email FROM users;
