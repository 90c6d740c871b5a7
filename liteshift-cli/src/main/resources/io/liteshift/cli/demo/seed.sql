-- The demo's rows: 500 users, 2,000 posts, 10,000 comments.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
INSERT INTO users (id, email, name) SELECT i, 'user' || i || '@example.com', 'User ' || i FROM n;

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
INSERT INTO posts (id, user_id, title, body)
  SELECT i, 1 + i % 500, 'Post number ' || i, 'The text of post ' || i || '.' FROM n;

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO comments (id, post_id, user_id, body)
  SELECT i, 1 + i % 2000, 1 + (i * 7) % 500, 'Comment ' || i FROM n;
