CREATE TABLE memberships (
  user_id INTEGER NOT NULL,
  team_id INTEGER NOT NULL,
  role TEXT,
  PRIMARY KEY (user_id, team_id)
);
