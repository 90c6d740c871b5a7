package io.liteshift.cli;

import io.liteshift.Await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

/**
 * Another process holding a lock on a database, as an application's long transaction would:
 * {@code LockHolder DB MODE RELEASE_FILE}. MODE {@code write} holds the write lock (BEGIN IMMEDIATE and an INSERT),
 * {@code read} a read transaction, {@code exclusive} BEGIN EXCLUSIVE, {@code spill} a write too large for the cache. It prints READY once it holds it, and rolls back
 * and exits when RELEASE_FILE appears (or after two minutes, so that it never outlives a test run).
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path release = Path.of(args[2]);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]); Statement s = c.createStatement()) {
            switch (args[1]) {
                case "write" -> {
                    s.execute("BEGIN IMMEDIATE");
                    s.execute("CREATE TABLE held (x)");
                }
                case "read" -> {
                    s.execute("BEGIN");
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                        rs.next();
                    }
                }
                case "exclusive" -> s.execute("BEGIN EXCLUSIVE");
                case "spill" -> { // a change larger than the cache: SQLite writes it into the file before the commit
                    s.execute("BEGIN IMMEDIATE");
                    s.execute("CREATE TABLE held (x)");
                    s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) INSERT INTO held SELECT randomblob(2000) FROM n");
                    s.execute("UPDATE t SET a = 'changed'");
                }
                default -> throw new IllegalArgumentException(args[1]);
            }
            System.out.println("READY");
            System.out.flush();
            try {
                Await.until("the test to release the lock", Duration.ofMinutes(2), () -> Files.exists(release));
            } finally {
                s.execute("ROLLBACK"); // never outlive a test run that was aborted with the lock held
            }
        }
    }
}
