package io.liteshift.seed;

import io.liteshift.migrate.SqlScript;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The table {@code liteshift_seeds}: one row per seed that ran, its checksum as of its last run. */
final class SeedLog {
    static final String TABLE = "liteshift_seeds";
    private static final String CREATE = """
            CREATE TABLE IF NOT EXISTS liteshift_seeds (
              name        TEXT    PRIMARY KEY,
              checksum    TEXT    NOT NULL,
              applied_at  TEXT    NOT NULL,
              applied_by  TEXT    NOT NULL,
              duration_ms INTEGER NOT NULL,
              kind        TEXT    NOT NULL CHECK (kind IN ('once', 'repeatable', 'java'))
            )""";

    /** A row: the checksum it ran with and when. */
    record Entry(String checksum, String appliedAt) {
    }

    private SeedLog() {
    }

    /** Name to entry; empty when the table does not exist (reading never creates it). */
    static Map<String, Entry> read(Connection c) throws SQLException {
        Map<String, Entry> out = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet t = s.executeQuery("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '" + TABLE + "'")) {
            if (!t.next()) return out;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, checksum, applied_at FROM " + TABLE)) {
            while (rs.next()) out.put(rs.getString(1), new Entry(rs.getString(2), rs.getString(3)));
        }
        return out;
    }

    /** Under the lock: the entry for {@code name}, creating the table first if needed; null when it never ran. */
    static Entry lookUp(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(CREATE);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT checksum, applied_at FROM " + TABLE + " WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Entry(rs.getString(1), rs.getString(2)) : null;
            }
        }
    }

    static void record(Connection c, String name, String checksum, Duration took, String kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO " + TABLE
                + " (name, checksum, applied_at, applied_by, duration_ms, kind) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, checksum);
            ps.setString(3, Instant.now().toString());
            ps.setString(4, SqlScript.whoAmI());
            ps.setLong(5, took.toMillis());
            ps.setString(6, kind);
            ps.executeUpdate();
        }
    }
}
