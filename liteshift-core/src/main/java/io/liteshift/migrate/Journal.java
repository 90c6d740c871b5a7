package io.liteshift.migrate;

import io.liteshift.Owner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The table that records every applied migration: read without writing, written only inside a migration's transaction. */
final class Journal {
    static final String TABLE = "liteshift_migrations";
    private static final String CREATE = """
            CREATE TABLE IF NOT EXISTS liteshift_migrations (
              version     INTEGER PRIMARY KEY,
              name        TEXT    NOT NULL,
              checksum    TEXT    NOT NULL,
              applied_at  TEXT    NOT NULL,
              duration_ms INTEGER NOT NULL,
              applied_by  TEXT    NOT NULL,
              kind        TEXT    NOT NULL DEFAULT 'migrate' CHECK (kind IN ('migrate', 'baseline'))
            )""";
    private static String whoAmI;

    private Journal() {
    }

    static boolean exists(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '" + TABLE + "'")) {
            return rs.next();
        }
    }

    /** The applied migrations by version; empty when the table does not exist (nothing is created to find out). */
    static List<AppliedMigration> read(Connection c) throws SQLException {
        List<AppliedMigration> out = new ArrayList<>();
        if (!exists(c)) return out;
        try (Statement s = c.createStatement();
             // SQLite reads the timestamp (ISO 8601, as stored for people) into milliseconds: parsing 500 of them in Java
             // is a noticeable part of a no-op migrate in a fresh JVM
             ResultSet rs = s.executeQuery("SELECT version, name, checksum, CAST(unixepoch(applied_at, 'subsec') * 1000 AS INTEGER),"
                     + " duration_ms, applied_by, kind FROM " + TABLE + " ORDER BY version")) {
            while (rs.next()) {
                out.add(new AppliedMigration(rs.getInt(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                        Duration.ofMillis(rs.getLong(5)), rs.getString(6), rs.getString(7)));
            }
        }
        return out;
    }

    /** Under the lock, before a migration: is it applied already, and what is the newest applied version (0: none)? */
    record Probe(boolean applied, int newest) {
    }

    static Probe probe(Connection c, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM " + TABLE + " WHERE version = ?),"
                + " coalesce((SELECT max(version) FROM " + TABLE + "), 0)")) {
            ps.setInt(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Probe(rs.getInt(1) == 1, rs.getInt(2));
            }
        }
    }

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(CREATE);
        }
    }

    static void record(Connection c, Migration m, Duration took, String kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                + " (version, name, checksum, applied_at, duration_ms, applied_by, kind) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, m.version());
            ps.setString(2, m.name());
            ps.setString(3, m.checksum());
            ps.setString(4, Instant.now().toString());
            ps.setLong(5, took.toMillis());
            ps.setString(6, whoAmI());
            ps.setString(7, kind);
            ps.executeUpdate();
        }
    }

    static void updateChecksum(Connection c, Migration m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET checksum = ?, name = ? WHERE version = ?")) {
            ps.setString(1, m.checksum());
            ps.setString(2, m.name());
            ps.setInt(3, m.version());
            ps.executeUpdate();
        }
    }

    /** {@code user@host (pid N)}: which machine of a fleet applied it is the first question after an incident. */
    static synchronized String whoAmI() {
        if (whoAmI == null) {
            whoAmI = System.getProperty("user.name", "unknown") + "@" + Owner.hostName() + " (pid " + ProcessHandle.current().pid() + ")";
        }
        return whoAmI;
    }
}
