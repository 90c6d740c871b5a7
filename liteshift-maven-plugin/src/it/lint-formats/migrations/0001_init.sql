CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT, legacy_code TEXT);
