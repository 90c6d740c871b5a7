package io.liteshift.sqlite;

import org.sqlite.SQLiteConfig;
import org.sqlite.jdbc4.JDBC4Connection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Who holds the lock that a connection of liteshift's could not get, as far as SQLite lets another connection tell:
 * a second, short-lived connection looks (it never waits, and never holds a lock once it is closed). SQLite shares
 * locks between the connections of one process, so this is safe while liteshift's own connection holds its locks; a
 * read of the file through Java would not be (closing it drops every POSIX lock this process holds on the file).
 */
public final class Locks {

    /** Which lock liteshift was waiting for. */
    public enum Wanted {
        /** The write lock ({@code BEGIN IMMEDIATE}). */
        WRITE,
        /** A read (opening the file, reading the schema or the journal). */
        READ,
        /** The exclusive lock a commit needs (or a large change spilled into the file before it). */
        COMMIT
    }

    private Locks() {
    }

    /**
     * What kept the lock, in words: "another connection holds the write lock (SQLite's RESERVED lock: a writer inside a
     * transaction)", and the like; the guess is named as one where SQLite does not tell.
     */
    public static String holder(Path db, Wanted wanted) {
        boolean wal = Files.exists(db.resolveSibling(db.getFileName() + "-wal"));
        Boolean readable = null;
        try (Connection probe = probe(db)) {
            readable = true;
        } catch (SQLException e) {
            if (Databases.isLocked(e)) readable = false;
        }
        if (wanted == Wanted.COMMIT && !wal) {
            return "other connections are reading it (SQLite's SHARED locks): in rollback-journal mode a commit, or a change too"
                    + " large for the cache, has to wait until every read transaction has ended (a long query, or a connection"
                    + " that keeps a read transaction open)";
        }
        if (Boolean.FALSE.equals(readable)) {
            return wal ? "another connection keeps everyone out (locking_mode=EXCLUSIVE, or it is recovering the WAL after a crash)"
                    : "another connection is committing, or writing a large change into the file (SQLite's PENDING or EXCLUSIVE"
                    + " lock), which in rollback-journal mode keeps readers out too";
        }
        if (wanted == Wanted.READ) return "another connection held it (it is free now)";
        // in WAL mode a checkpoint that waits for readers (RESTART or TRUNCATE) holds the write lock too; SQLite offers no
        // way to tell it from a writer without checkpointing itself, which would slow the holder down
        return wal ? "another connection holds the write lock (a writer inside a transaction, such as a long write of the"
                + " application or another migration; or a wal_checkpoint in RESTART or TRUNCATE mode, waiting for readers)"
                : "another connection holds the write lock (SQLite's RESERVED lock: a writer inside a transaction, such as a long"
                + " write of the application or another migration)";
    }

    /** Opens read-only without waiting at all, and reads the schema: what any reader would do first. */
    private static Connection probe(Path db) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(0);
        Connection c = new JDBC4Connection("jdbc:sqlite:" + db, db.toString(), config.toProperties());
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM sqlite_schema").close();
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }
}
