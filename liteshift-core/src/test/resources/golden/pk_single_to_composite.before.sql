CREATE TABLE memberships (
  user_id INTEGER PRIMARY KEY,
  team_id INTEGER NOT NULL,
  role TEXT
);
INSERT INTO memberships VALUES (1, 10, 'owner'), (2, 10, NULL);
