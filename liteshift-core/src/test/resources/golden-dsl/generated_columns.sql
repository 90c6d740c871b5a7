CREATE TABLE lines (
  id INTEGER,
  qty INTEGER NOT NULL,
  price_cents INTEGER NOT NULL,
  total_cents INTEGER GENERATED ALWAYS AS (qty * price_cents) STORED,
  label TEXT GENERATED ALWAYS AS ('x' || qty) VIRTUAL,
  PRIMARY KEY (id)
);
