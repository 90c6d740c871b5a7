CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT, balance INTEGER);
CREATE TABLE audit (id INTEGER PRIMARY KEY, account_id INTEGER, delta INTEGER);
CREATE VIEW rich AS SELECT id, owner FROM accounts WHERE balance > 100;
CREATE VIEW rich_count AS SELECT count(*) AS n FROM rich;
CREATE TRIGGER accounts_audit AFTER UPDATE OF balance ON accounts BEGIN
  INSERT INTO audit (account_id, delta) VALUES (new.id, new.balance - old.balance);
END;
INSERT INTO accounts VALUES (1, 'ada', 500), (2, 'bob', 5);
