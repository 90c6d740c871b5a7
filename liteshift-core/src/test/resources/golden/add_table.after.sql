CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE posts (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  title TEXT
);
CREATE TABLE tags (id INTEGER PRIMARY KEY, post_id INTEGER REFERENCES posts (id));
CREATE INDEX posts_user ON posts (user_id);
