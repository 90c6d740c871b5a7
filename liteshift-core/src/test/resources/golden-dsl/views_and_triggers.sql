CREATE TABLE accounts (
  id INTEGER,
  balance INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT,
  PRIMARY KEY (id)
);

CREATE TABLE audit (
  account_id INTEGER,
  note TEXT
);

CREATE VIEW rich_accounts AS SELECT id, balance FROM accounts WHERE balance > 1000;

CREATE TRIGGER accounts_touch AFTER UPDATE OF balance ON accounts
FOR EACH ROW WHEN NEW.balance <> OLD.balance
BEGIN
  UPDATE accounts SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;

CREATE TRIGGER accounts_audit BEFORE DELETE ON accounts
FOR EACH ROW
BEGIN
  INSERT INTO audit (account_id, note) VALUES (OLD.id, 'deleted');
  SELECT 1;
END;

CREATE TRIGGER rich_accounts_insert INSTEAD OF INSERT ON rich_accounts
FOR EACH ROW
BEGIN
  INSERT INTO accounts (id, balance) VALUES (NEW.id, NEW.balance);
END;
