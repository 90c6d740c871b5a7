package io.liteshift.backup;

import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Small helpers for the backup tests: plain connections as an application would open them. */
final class Db {
    private Db() {
    }

    static Connection open(Path file) throws SQLException {
        SQLiteConfig c = new SQLiteConfig();
        c.setBusyTimeout(10_000);
        return c.createConnection("jdbc:sqlite:" + file);
    }

    static void exec(Path file, String... sql) throws SQLException {
        try (Connection c = open(file); Statement s = c.createStatement()) {
            for (String q : sql) s.execute(q);
        }
    }

    static long longValue(Path file, String sql) throws SQLException {
        try (Connection c = open(file); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String string(Path file, String sql) throws SQLException {
        try (Connection c = open(file); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
