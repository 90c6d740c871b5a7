CREATE TABLE bookings (
  id INTEGER,
  room TEXT NOT NULL,
  day TEXT NOT NULL,
  starts INTEGER NOT NULL,
  ends INTEGER NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT one_booking_per_slot UNIQUE (room, day, starts),
  UNIQUE (room, ends),
  CONSTRAINT ordered_times CHECK (starts < ends),
  CHECK (day LIKE '____-__-__')
);
