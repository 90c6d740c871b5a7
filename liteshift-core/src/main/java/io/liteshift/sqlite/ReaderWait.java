package io.liteshift.sqlite;

import org.sqlite.BusyHandler;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * How a read-only connection waits for a lock: it asks again every {@value #POLL_MICROS} µs until the lock timeout
 * has passed, where SQLite's own busy timeout sleeps up to 100 ms between attempts.
 *
 * <p>In rollback-journal mode a writer that commits back to back (an application inserting row by row) holds its
 * PENDING or EXCLUSIVE lock for most of every commit (the journal's and the file's fsyncs); a new reader gets its
 * SHARED lock only in the short gaps between, a few per cent of the time. Asking every 100 ms, a reader such as a
 * backup missed every gap for 10 s on a loaded machine and failed with "database is locked"; asking this often, it
 * finds one within milliseconds. Writers need no such help: the PENDING lock keeps new readers out until they get in.
 */
final class ReaderWait extends BusyHandler {
    private static final long POLL_MICROS = 200;
    private final long timeoutNanos;
    private long waitingSince;

    private ReaderWait(Duration lockTimeout) {
        this.timeoutNanos = lockTimeout.toNanos();
    }

    /** Makes {@code c} wait for locks this way, up to {@code lockTimeout} per wait; replaces its busy timeout. */
    static void install(Connection c, Duration lockTimeout) throws SQLException {
        BusyHandler.setHandler(c, new ReaderWait(lockTimeout));
    }

    /** @param attempts how often SQLite asked before for this lock: 0 starts a new wait */
    @Override
    protected int callback(int attempts) {
        long now = System.nanoTime();
        if (attempts == 0) waitingSince = now;
        if (now - waitingSince >= timeoutNanos) return 0; // give up: SQLITE_BUSY, as after a busy timeout
        LockSupport.parkNanos(POLL_MICROS * 1000);
        return 1;
    }
}
