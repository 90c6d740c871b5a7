package io.liteshift.online;

import java.time.Duration;

/**
 * How many rows the next chunk takes, and how long the copier then leaves the lock free. Chunk sizes follow the
 * measured time per row so that each chunk takes about {@code maxLock} (Spirit's dynamic chunking), growing at most
 * twofold a chunk so that one fast chunk on cached pages cannot lead to a long one.
 * <p>
 * A writer that finds the lock taken waits in SQLite's busy handler, which sleeps 1, 2, 5, 10, 15, 20, 25, 25, 25, 50,
 * 50, 100 ms between attempts. A writer that has waited up to {@code maxLock} sleeps at most the interval that spans
 * {@code maxLock}, so the copier leaves the lock free that long after each chunk: every waiting writer gets its next
 * attempt in the gap.
 */
final class Pace {
    private static final int[] BUSY_SLEEPS_MS = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
    private static final long MIN_ROWS = 64;
    private static final long MAX_ROWS = 1_000_000;
    private static final long FIRST_ROWS = 1_000;

    private final long budgetNanos;
    private double nanosPerRow = -1;
    private long last = FIRST_ROWS;

    Pace(Duration maxLock) {
        this.budgetNanos = maxLock.toNanos();
    }

    /**
     * The longest sleep of the busy handler that can begin during a lock of {@code lock} (one that begins after the
     * writer's attempts at 0, 1, 3, 8, 18, ... ms that fall inside it), and a millisecond: a writer that arrived at any
     * moment of the lock tries again within a pause that long after it.
     */
    static Duration gapAfter(Duration lock) {
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

    /** Rows for a chunk that may take {@code budgetShare} of the budget (1: all of it). */
    long rows(double budgetShare) {
        if (nanosPerRow <= 0) return Math.max(MIN_ROWS, (long) (FIRST_ROWS * budgetShare));
        long fit = (long) (budgetNanos * budgetShare / nanosPerRow);
        return Math.max(MIN_ROWS, Math.min(Math.min(MAX_ROWS, last * 2), fit));
    }

    /** Records a chunk of {@code rows} rows that took {@code nanos}. */
    void took(long rows, long nanos) {
        if (rows <= 0) return;
        double perRow = (double) nanos / rows;
        nanosPerRow = nanosPerRow <= 0 ? perRow : 0.5 * nanosPerRow + 0.5 * perRow;
        last = rows;
    }
}
