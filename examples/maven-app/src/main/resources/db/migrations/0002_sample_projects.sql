-- 0002_sample_projects.sql: written by hand.
-- It runs in one transaction together with its journal row: all of it or none of it. BEGIN/COMMIT lines are
-- optional. A PRAGMA foreign_keys line applies to the whole migration (liteshift sets it before the
-- transaction, where SQLite honours it); without one, foreign keys are not enforced while it runs and
-- `foreign_key_check` runs before commit instead.
-- After editing, run `liteshift hash`: it updates the integrity file and this migration's schema snapshot.

INSERT INTO projects (id, name) VALUES (1, 'website'), (2, 'mobile app');
INSERT INTO tasks (project_id, title, done) VALUES
  (1, 'pick a domain', 1),
  (1, 'write the landing page', 0),
  (2, 'sketch the screens', 0);
