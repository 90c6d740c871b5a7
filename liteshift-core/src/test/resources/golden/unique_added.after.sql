CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT,
  CONSTRAINT users_email_unique UNIQUE (email)
);
