INSERT INTO customers VALUES (1, 'Ada', 'uk'), (2, 'Bob', NULL), (3, 'Cleo', 'se');
INSERT INTO orders VALUES (1, 1, 1999), (2, 1, 500), (3, 2, 2500), (4, 3, 1600);
INSERT INTO audit_log VALUES (1, 'created'), (2, 'seeded');
