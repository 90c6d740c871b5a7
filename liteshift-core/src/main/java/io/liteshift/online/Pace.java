package io.liteshift.online;

import java.time.Duration;

/**
 * How many rows the next chunk takes (the pause after it is {@link Gaps}'s).
 * Chunk sizes follow the measured time per row so that each chunk takes about 70 % of {@code maxLock} (Spirit's
 * dynamic chunking), growing at most twofold a chunk so that one fast chunk on cached pages cannot lead to a long one.
 * The 30 % are for the variation between chunks: a lock is measured as it was, and one past {@code maxLock} costs the
 * writers more than a shorter one saves (past 8 ms, a writer that found the lock taken gets in at its attempt at
 * 18 ms instead of 8 ms; the benchmark's p99 went from 16.5 to 9.8 ms with the margin, the total time from 7.1 to 8.1 s).
 */
final class Pace {
    private static final long MIN_ROWS = 64;
    private static final long MAX_ROWS = 1_000_000;
    private static final long FIRST_ROWS = 1_000;
    /** The share of {@code maxLock} a chunk is sized for. */
    private static final double AIM = 0.7;

    private final long budgetNanos;
    private double nanosPerRow = -1;
    private long last = FIRST_ROWS;

    Pace(Duration maxLock) {
        this.budgetNanos = (long) (maxLock.toNanos() * AIM);
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
