-- Fills the tables of old.sql with :rows payments and :rows/400 refunds, deterministically.
-- Emails are a bijective hash of the id, so the email index is built from keys in random order.
INSERT INTO payments (id, user_id, email, amount, created_at)
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :rows)
  SELECT i,
         (i * 7919) % 100000,
         printf('user%08x@example.com', (i * 2654435761) % 4294967296),
         CASE WHEN i % 50 = 0 THEN NULL ELSE ((i * 31) % 100000) / 100.0 END,
         datetime(1700000000 + i * 7, 'unixepoch')
  FROM n;
INSERT INTO refunds (id, payment_id, reason)
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < max(1, :rows / 400))
  SELECT i, (i * 397) % :rows + 1, 'duplicate charge' FROM n;
