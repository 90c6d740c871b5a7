-- Rows for the shop at version 1. Two customers have no country (NULL): version 2 fills them with 'unknown'.
INSERT INTO customers (id, email, name, country, created_at) VALUES
  (1, 'ada@example.com',    'Ada Lovelace',    'GB', '2024-01-05 10:00:00'),
  (2, 'grace@example.com',  'Grace Hopper',    'US', '2024-01-06 11:30:00'),
  (3, 'edsger@example.com', 'Edsger Dijkstra', NULL, '2024-02-01 09:15:00'),
  (4, 'barbara@example.com','Barbara Liskov',  'US', '2024-02-11 16:45:00'),
  (5, 'alan@example.com',   'Alan Turing',     NULL, '2024-03-02 08:00:00');

INSERT INTO products (id, sku, title, price_cents) VALUES
  (1, 'MUG-01',  'Coffee mug',        1200),
  (2, 'TEE-M',   'T-shirt, medium',   2500),
  (3, 'STK-10',  'Sticker pack',       400),
  (4, 'BOOK-SQL','Pocket SQL guide',  1900);

INSERT INTO orders (id, customer_id, status, placed_at) VALUES
  (1, 1, 'shipped', '2024-03-10 12:00:00'),
  (2, 1, 'open',    '2024-04-01 09:00:00'),
  (3, 2, 'shipped', '2024-03-12 14:20:00'),
  (4, 3, 'shipped', '2024-03-15 18:05:00'),
  (5, 5, 'open',    '2024-04-02 07:30:00'),
  (6, 4, 'cancelled','2024-04-03 10:10:00');

-- The trigger order_items_total adds each line to its order's total_cents.
INSERT INTO order_items (order_id, product_id, quantity, price_cents) VALUES
  (1, 1, 2, 1200),
  (1, 3, 1,  400),
  (2, 4, 1, 1900),
  (3, 2, 1, 2500),
  (3, 1, 1, 1200),
  (4, 3, 5,  400),
  (5, 4, 2, 1900),
  (5, 2, 1, 2500),
  (6, 1, 1, 1200);
