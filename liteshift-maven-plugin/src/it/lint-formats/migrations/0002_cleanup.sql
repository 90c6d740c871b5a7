-- hand-written: a backfill for every row, then the old column goes
UPDATE customers SET email = lower(email);
ALTER TABLE customers DROP COLUMN legacy_code;
