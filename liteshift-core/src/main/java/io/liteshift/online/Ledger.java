package io.liteshift.online;

import io.liteshift.sql.Identifiers;
import io.liteshift.sqlite.Databases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The online rebuild's one-row state table, written in the same transaction as the work it describes (each chunk
 * commits its last copied rowid with its rows), so that after a kill at any instant it says exactly where the work is.
 * The owner (process id and start time) tells a live rebuild from a dead one.
 */
final class Ledger {
    /** What is persisted: copying (resumable), draining the old table after the swap, or removing an abandoned shadow. */
    enum Stage { COPY, DRAIN, REMOVE }

    /**
     * @param copied the last rowid copied, null before the first chunk
     */
    record Entry(String table, Stage stage, Long copied, long total, long chunks, String fingerprint, String owner) {
    }

    private static final String Q = Identifiers.forceQuote(Target.STATE);

    private Ledger() {
    }

    static void create(Connection c, Target t, long total) throws SQLException {
        Databases.exec(c, "CREATE TABLE " + Q + " (id INTEGER PRIMARY KEY CHECK (id = 1), table_name TEXT NOT NULL,"
                + " stage TEXT NOT NULL, copied INTEGER, total INTEGER NOT NULL, chunks INTEGER NOT NULL, fingerprint TEXT NOT NULL,"
                + " owner TEXT NOT NULL)");
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + Q + " VALUES (1, ?, 'COPY', NULL, ?, 0, ?, ?)")) {
            p.setString(1, t.table());
            p.setLong(2, total);
            p.setString(3, t.fingerprint());
            p.setString(4, owner());
            p.executeUpdate();
        }
    }

    static Optional<Entry> read(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = " + Identifiers.literal(Target.STATE))) {
            if (!rs.next() || rs.getLong(1) == 0) return Optional.empty();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name, stage, copied, total, chunks, fingerprint, owner FROM " + Q)) {
            if (!rs.next()) return Optional.empty();
            long copied = rs.getLong(3);
            Long copiedOrNull = rs.wasNull() ? null : copied;
            return Optional.of(new Entry(rs.getString(1), Stage.valueOf(rs.getString(2)), copiedOrNull, rs.getLong(4), rs.getLong(5),
                    rs.getString(6), rs.getString(7)));
        }
    }

    /** The statement a chunk runs before it commits: ?1 the last copied rowid. */
    static String checkpointSql() {
        return "UPDATE " + Q + " SET copied = ?1, chunks = chunks + 1";
    }

    static void stage(Connection c, Stage stage) throws SQLException {
        Databases.exec(c, "UPDATE " + Q + " SET stage = '" + stage.name() + "', owner = " + Identifiers.literal(owner()));
    }

    /** Takes over an entry whose owner is gone. */
    static void adopt(Connection c) throws SQLException {
        Databases.exec(c, "UPDATE " + Q + " SET owner = " + Identifiers.literal(owner()));
    }

    static void drop(Connection c) throws SQLException {
        Databases.exec(c, "DROP TABLE IF EXISTS " + Q);
    }

    /** This process: "pid 4711 started 2026-12-03T12:00:00Z". */
    static String owner() {
        ProcessHandle self = ProcessHandle.current();
        return "pid " + self.pid() + " started " + self.info().startInstant().map(Object::toString).orElse("?");
    }

    /** Whether {@code owner} is a process that still runs (on this machine: the one writing the database). */
    static boolean alive(String owner) {
        if (owner.equals(owner())) return false; // this very process: an earlier run of it that failed, not a rival
        String[] parts = owner.split(" ");
        if (parts.length < 4) return false;
        try {
            long pid = Long.parseLong(parts[1]);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(h -> h.info().startInstant().map(Object::toString).orElse("?").equals(parts[3])).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
