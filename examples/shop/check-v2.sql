-- After the upgrade: the renamed column kept its values, the NULL countries hold the DEFAULT,
-- every order still has its customer, and the file is sound.
SELECT id, email, full_name, country FROM customers ORDER BY id;
SELECT customer_id, email, orders, spent_cents FROM customer_totals ORDER BY customer_id;
PRAGMA foreign_key_check;
PRAGMA integrity_check;
