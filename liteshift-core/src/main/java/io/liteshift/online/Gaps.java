package io.liteshift.online;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The pause after each of the rebuild's write transactions, in which the application's writers take their turn.
 * <p>
 * A writer that finds the lock taken sleeps in SQLite's busy handler (1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 ms
 * between attempts). The pause lasts the longest of those sleeps that can have begun while the lock was held
 * ({@link #gapAfter}, for the lock as long as it really was), so that a writer that arrived at any moment of it
 * tries again within the pause. A writer that missed its turn anyway (a busy machine woke it late) sleeps longer
 * each time and could miss every short pause after it; so when a pause passes without a commit of another connection
 * while the application has been writing, the pause is lengthened until one commits, up to 26 ms (longer than any sleep
 * of the handler's first 128 ms), which lets that writer in. An application that stopped writing is noticed after a
 * few lengthened pauses that saw nothing, and the pauses are short again until it writes.
 */
final class Gaps {
    static final Duration STRAGGLER = Duration.ofMillis(26);
    private static final int[] BUSY_SLEEPS_MS = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
    private static final int IDLE_AFTER = 3;

    private boolean writing = true;
    private int silent;

    /** The change counter of other connections' commits (PRAGMA data_version), read right after the rebuild's commit. */
    static long version(Connection conn) {
        try {
            Long v = Sql.one(conn, "PRAGMA data_version");
            return v == null ? 0 : v;
        } catch (SQLException e) {
            return 0;
        }
    }

    /**
     * Leaves the lock free after a transaction that held it for {@code lock}; {@code spent}: the time already passed
     * since the commit (the checkpoint's), which counts as pause; {@code since}: {@link #version} at the commit.
     */
    void pause(Connection conn, Duration lock, Duration spent, long since) {
        Duration gap = gapAfter(lock);
        sleep(gap.minus(spent));
        if (version(conn) != since) {
            writing = true;
            silent = 0;
            return;
        }
        if (!writing) return;
        long until = System.nanoTime() + STRAGGLER.minus(gap).toNanos();
        while (System.nanoTime() < until) {
            sleep(Duration.ofMillis(1));
            if (version(conn) != since) {
                silent = 0;
                return;
            }
        }
        if (++silent >= IDLE_AFTER) writing = false;
    }

    /**
     * The longest sleep of the busy handler that can begin during a lock of {@code lock} (one that begins after the
     * writer's attempts at 0, 1, 3, 8, 18, ... ms that fall inside it), and a millisecond: a writer that arrived at any
     * moment of the lock tries again within a pause that long after it.
     */
    private static Duration gapAfter(Duration lock) {
        double ms = lock.toNanos() / 1e6;
        long waited = 0;
        int longest = BUSY_SLEEPS_MS[0];
        for (int sleep : BUSY_SLEEPS_MS) {
            if (waited >= ms) break;
            longest = Math.max(longest, sleep);
            waited += sleep;
        }
        return Duration.ofMillis(longest + 1L);
    }

    private static void sleep(Duration d) {
        if (d.isNegative() || d.isZero()) return;
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // Interruption.requested() sees it at the next step
        }
    }
}
