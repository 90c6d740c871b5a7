package io.liteshift.sqlite;

import io.liteshift.Interruption;
import org.sqlite.BusyHandler;

import java.time.Duration;

/**
 * Waits for another connection's lock as SQLite's busy timeout does (short sleeps, growing to 100 ms, until the
 * timeout is spent), but in Java: a stop asked of {@link Interruption} ends the wait at once, and the statement then
 * fails with SQLITE_BUSY as it would after the timeout.
 */
final class LockWait extends BusyHandler {
    /** SQLite's own sleeps between attempts, in ms (sqliteDefaultBusyCallback). */
    private static final int[] DELAYS = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
    private final long timeoutNanos;
    private long since;

    LockWait(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    protected int callback(int attempts) {
        long now = System.nanoTime();
        if (attempts == 0) since = now; // a new wait begins
        long left = timeoutNanos - (now - since);
        if (left <= 0 || Interruption.requested()) return 0;
        long sleep = Math.min(DELAYS[Math.min(attempts, DELAYS.length - 1)], Math.max(1, left / 1_000_000));
        try {
            Thread.sleep(sleep);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        return 1;
    }
}
