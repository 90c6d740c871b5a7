package io.liteshift.apply;

import io.liteshift.Fix;
import io.liteshift.LiteShiftException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/** Opens database files the way liteshift needs them: never created by accident, waiting politely for locks. */
public final class Databases {
    private static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

    private Databases() {
    }

    public static Connection open(Path file, boolean create, boolean readOnly) {
        return open(file, create, readOnly, DEFAULT_LOCK_TIMEOUT);
    }

    /**
     * @param lockTimeout how long any statement waits for another connection's lock, the first one included: in
     *                    rollback-journal mode a writer that commits, or that spills a large change into the file
     *                    before committing, locks readers out as well, so even opening has to wait for it
     */
    public static Connection open(Path file, boolean create, boolean readOnly, Duration lockTimeout) {
        if (Files.isDirectory(file)) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "the database path " + file.toAbsolutePath() + " is a directory, not a SQLite file. Point " + Fix.setting(Fix.Setting.DATABASE)
                            + " or DATABASE_URL at the file.");
        }
        if (!Files.exists(file) && !create) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "the database " + file.toAbsolutePath() + " does not exist. liteshift does not create it silently: a wrong"
                            + " path would give an empty database and \"no such table\" errors later. Check " + Fix.setting(Fix.Setting.DATABASE)
                            + " / DATABASE_URL, or pass " + Fix.setting(Fix.Setting.CREATE_MISSING) + " to start a new database there.");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (!Files.exists(file) && parent != null && !Files.isDirectory(parent)) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "cannot create the database " + file.toAbsolutePath() + ": the directory " + parent
                            + " does not exist. Create it (or mount the volume) first, or fix " + Fix.setting(Fix.Setting.DATABASE) + " / DATABASE_URL.");
        }
        SQLException failure;
        try {
            return connect(file, readOnly, lockTimeout);
        } catch (SQLException e) {
            failure = e;
        }
        if (readOnly && code(failure) == SQLiteErrorCode.SQLITE_READONLY_ROLLBACK.code) {
            // A process stopped in the middle of a write (a crash, a kill) and left a hot rollback journal. The next
            // connection that may write rolls it back on its first read, restoring the last committed state; a
            // read-only connection cannot, so SQLite refuses it. Do what the application's next connection would
            // do: open the file once for writing (that read rolls the journal back), then read as asked.
            try {
                connect(file, false, lockTimeout).close();
                return connect(file, true, lockTimeout);
            } catch (SQLException e) {
                if (isLocked(e)) throw lockedOut(file, lockTimeout);
                throw new LiteShiftException(LiteShiftException.Reason.FAILED, "cannot open the database " + file.toAbsolutePath()
                        + ": a process stopped in the middle of writing it and left a hot journal (" + file.getFileName()
                        + "-journal) that must be rolled back first, and opening it for writing failed: "
                        + io.liteshift.sql.SqliteErrors.message(e) + ". Open it once with write access (the application, or"
                        + " the sqlite3 shell); that restores its last committed state.", e);
            }
        }
        if (isLocked(failure)) throw lockedOut(file, lockTimeout);
        if (io.liteshift.sql.SqliteErrors.isDamage(failure)) {
            // said in full (with the backup to restore) by whoever knows the backups: Damage.explained
            throw new LiteShiftException(LiteShiftException.Reason.DAMAGED, "cannot open the database " + file.toAbsolutePath() + ": "
                    + io.liteshift.sql.SqliteErrors.message(failure) + ". The file is damaged, or not a SQLite database. Nothing was changed.", failure);
        }
        throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                "cannot open the database " + file.toAbsolutePath() + ": " + io.liteshift.sql.SqliteErrors.message(failure)
                        + ". Check that it is a SQLite database file and that it is readable.", failure);
    }

    private static Connection connect(Path file, boolean readOnly, Duration lockTimeout) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, lockTimeout.toMillis()));
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setReadOnly(readOnly);
        // the driver's connection class directly: going through org.sqlite.JDBC would register it with DriverManager,
        // whose first use scans the class path for drivers; a short command spends a good part of its start there
        Connection c = new org.sqlite.jdbc4.JDBC4Connection("jdbc:sqlite:" + file, file.toString(), config.toProperties());
        try (var s = c.createStatement()) {
            if (readOnly) ReaderWait.install(c, lockTimeout); // before the first read, which may already have to wait
            s.executeQuery("SELECT count(*) FROM sqlite_schema").close(); // fails here on a file that is not a database
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    private static LiteShiftException lockedOut(Path file, Duration lockTimeout) {
        return new LiteShiftException(LiteShiftException.Reason.FAILED, "cannot open the database " + file.toAbsolutePath() + ": "
                + keptLocked(lockTimeout) + ". Nothing was changed. Run again when it is done, or allow a longer lock timeout.");
    }

    /** SQLITE_BUSY or SQLITE_LOCKED, in any extended form: another connection held a lock longer than this one would wait. */
    public static boolean isLocked(SQLException e) {
        int primary = code(e) & 0xff;
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) return true;
        String m = io.liteshift.sql.SqliteErrors.message(e);
        return m.contains("database is locked") || m.contains("database table is locked");
    }

    /** "another process kept the database locked for more than 300 ms (...)": the first half of every lock-timeout message. */
    public static String keptLocked(Duration waited) {
        return "another process kept the database locked for more than " + describe(waited)
                + " (probably a long migration or a long write of the application)";
    }

    /** 300 ms, 2 s, 1.5 s: a sub-second lock timeout must not read as "0 s". */
    public static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        if (ms % 1000 == 0) return ms / 1000 + " s";
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** Runs one statement that returns no rows (a pragma setting, BEGIN, COMMIT, a step of a plan). */
    public static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Whether a boolean pragma ({@code foreign_keys}, {@code legacy_alter_table}) is on for this connection. */
    public static boolean pragmaOn(Connection c, String pragma) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() && rs.getInt(1) != 0;
        }
    }

    static int code(SQLException e) {
        return io.liteshift.sql.SqliteErrors.code(e);
    }
}
