package io.liteshift.sqlite;

import io.liteshift.Fix;
import io.liteshift.Interruption;
import io.liteshift.LiteShiftException;
import io.liteshift.sql.SqliteErrors;
import org.sqlite.BusyHandler;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.jdbc4.JDBC4Connection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Opens database files the way liteshift needs them: never created by accident, waiting politely for locks. */
public final class Databases {
    /** How long a short read waits for another process's lock when its caller names no timeout of its own. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

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
        boolean empty = Files.exists(file) && !holdsDatabase(file);
        if ((!Files.exists(file) || empty) && !create) {
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, "the database " + file.toAbsolutePath()
                    + (empty ? " is an empty file (0 bytes), not a database yet: liteshift treats it like a missing one (a failed"
                    + " copy or a mistyped path leaves such a file)." : " does not exist.") + " liteshift does not create it"
                    + " silently: a wrong path would give an empty database and \"no such table\" errors later. Check "
                    + Fix.setting(Fix.Setting.DATABASE) + " / DATABASE_URL, or pass " + Fix.setting(Fix.Setting.CREATE_MISSING)
                    + " to start a new database there. Nothing was changed.");
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
                        + SqliteErrors.message(e) + ". Open it once with write access (the application, or"
                        + " the sqlite3 shell); that restores its last committed state.", e);
            }
        }
        if (isLocked(failure)) throw lockedOut(file, lockTimeout);
        if (SqliteErrors.isDamage(failure)) {
            // said in full (with the backup to restore) by whoever knows the backups: Damage.explained
            throw new LiteShiftException(LiteShiftException.Reason.DAMAGED, "cannot open the database " + file.toAbsolutePath() + ": "
                    + SqliteErrors.message(failure) + ". The file is damaged, or not a SQLite database. Nothing was changed.", failure);
        }
        throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                "cannot open the database " + file.toAbsolutePath() + ": " + SqliteErrors.message(failure)
                        + ". Check that it is a SQLite database file and that it is readable.", failure);
    }

    /**
     * Whether {@code file} exists and holds a database: more than zero bytes, or a write-ahead log beside it with
     * frames. SQLite opens a zero-byte file as a new, empty database, which is no more an existing database than
     * a missing file is.
     */
    public static boolean holdsDatabase(Path file) {
        try {
            if (!Files.isRegularFile(file)) return false;
            if (Files.size(file) > 0) return true;
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            return Files.isRegularFile(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            return Files.exists(file); // cannot tell its size: let opening it say what is wrong
        }
    }

    /**
     * After a command that was allowed to create {@code file} failed or refused: when the file did not exist before
     * and is still empty (SQLite creates the file on opening, writes only on the first change), it is removed, so
     * that the refusal leaves nothing behind and a later command without --create is not fooled by it.
     */
    public static void removeIfCreatedEmpty(Path file, boolean existedBefore) {
        if (existedBefore) return;
        try {
            for (String side : new String[] {"-journal", "-wal", "-shm"}) {
                Path p = file.resolveSibling(file.getFileName() + side);
                if (Files.exists(p) && Files.size(p) > 0) return;
            }
            if (!Files.isRegularFile(file) || Files.size(file) > 0) return;
            for (String side : new String[] {"-journal", "-wal", "-shm"}) Files.deleteIfExists(file.resolveSibling(file.getFileName() + side));
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the refusal itself is what the user needs to read; an empty file left behind is reported by the next command
        }
    }

    private static Connection connect(Path file, boolean readOnly, Duration lockTimeout) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, lockTimeout.toMillis()));
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setReadOnly(readOnly);
        // the driver's connection class directly: going through org.sqlite.JDBC would register it with DriverManager,
        // whose first use scans the class path for drivers; a short command spends a good part of its start there
        Connection c = new JDBC4Connection("jdbc:sqlite:" + file, file.toString(), config.toProperties());
        try (var s = c.createStatement()) {
            interruptible(c, lockTimeout);
            if (readOnly) ReaderWait.install(c, lockTimeout); // before the first read, which may already have to wait
            s.executeQuery("SELECT count(*) FROM sqlite_schema").close(); // fails here on a file that is not a database
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /**
     * Makes a connection of liteshift's own stop for {@link io.liteshift.Interruption}: its statements through a
     * progress handler, its waits for other processes' locks (up to {@code lockTimeout}) through a busy handler that
     * sleeps in Java. SQLite's own busy timeout sleeps in native code, where neither an interrupt nor
     * {@code sqlite3_interrupt} reaches it; {@link #lockTimeoutOf} still tells the timeout.
     */
    public static void interruptible(Connection c, Duration lockTimeout) throws SQLException {
        ProgressHandler.setHandler(c, PROGRESS_EVERY, STOP_WHEN_REQUESTED);
        BusyHandler.setHandler(c, new LockWait(lockTimeout));
    }

    /** Virtual machine steps between two looks at {@link io.liteshift.Interruption}: well under a millisecond of work. */
    private static final int PROGRESS_EVERY = 10_000;
    private static final ProgressHandler STOP_WHEN_REQUESTED = new ProgressHandler() {
        @Override
        protected int progress() {
            return Interruption.requested() ? 1 : 0;
        }
    };

    /** How long {@code c} waits for another connection's lock: its busy timeout, or the timeout it was opened with. */
    public static Duration lockTimeoutOf(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA busy_timeout")) {
            long pragma = rs.next() ? rs.getLong(1) : 0;
            // a connection of liteshift's own waits in LockWait, so SQLite's timeout reads 0; the driver keeps the one it was opened with
            return Duration.ofMillis(pragma > 0 ? pragma : c.unwrap(SQLiteConnection.class).getBusyTimeout());
        } catch (SQLException e) {
            return Duration.ZERO;
        }
    }

    /**
     * Ends a transaction that failed with {@code failure}: ROLLBACK, when one is still open (SQLite ends some failed
     * transactions itself, after a full disk or an interrupt). The failure stays the news: a ROLLBACK that fails too is
     * attached to it as suppressed, never thrown instead of it.
     */
    public static void rollbackAfter(Connection c, Throwable failure) {
        try {
            exec(c, "ROLLBACK");
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) failure.addSuppressed(e);
        }
    }

    private static LiteShiftException lockedOut(Path file, Duration lockTimeout) {
        return new LiteShiftException(LiteShiftException.Reason.FAILED, "cannot open the database " + file.toAbsolutePath() + ": "
                + keptLocked(lockTimeout, file, Locks.Wanted.READ) + ". Nothing was changed. Run again when it is done, or allow a"
                + " longer lock timeout (--lock-timeout, or lock_timeout under [migrate] in liteshift.toml).");
    }

    /** SQLITE_BUSY or SQLITE_LOCKED, in any extended form: another connection held a lock longer than this one would wait. */
    public static boolean isLocked(SQLException e) {
        int primary = code(e) & 0xff;
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) return true;
        String m = SqliteErrors.message(e);
        return m.contains("database is locked") || m.contains("database table is locked");
    }

    /**
     * "another process kept the database locked for more than 300 ms: another connection holds the write lock (...)":
     * the first half of every lock-timeout message, with what {@link Locks} can tell about the holder.
     *
     * @param file the database, for a look at the holder; null when unknown
     */
    public static String keptLocked(Duration waited, Path file, Locks.Wanted wanted) {
        return "another process kept the database locked for more than " + describe(waited) + ": "
                + (file == null ? "probably a long migration or a long write of the application" : Locks.holder(file, wanted));
    }

    /** The file of the connection's main database; empty for an in-memory or temporary one. */
    public static Optional<Path> fileOf(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA database_list")) {
            while (rs.next()) {
                if (!"main".equals(rs.getString(2))) continue;
                String f = rs.getString(3);
                return f == null || f.isEmpty() ? Optional.empty() : Optional.of(Path.of(f));
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * Rolls back a hot journal that a failed write left beside {@code file} (a full disk can stop SQLite's own roll-back
     * half way), as the next connection that may write would on its first read: afterwards the file is its last
     * committed state again, readable read-only. Does nothing when there is no journal, or when another connection still
     * writes (then the journal is not hot). A failure is attached to {@code failure}, which stays the news.
     */
    public static void recoverHotJournal(Path file, Throwable failure) {
        Path journal = file.resolveSibling(file.getFileName() + "-journal");
        try {
            if (!Files.exists(journal) || Files.size(journal) == 0) return;
            connect(file, false, Duration.ZERO).close(); // never waits: a journal another process is writing is not hot
        } catch (IOException | SQLException e) {
            failure.addSuppressed(e);
        }
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
        return SqliteErrors.code(e);
    }
}
