-- the audit log moves to the log files; orders get a note
DROP TABLE audit_log;
ALTER TABLE orders ADD COLUMN note TEXT;
