package io.liteshift.cli;

import io.liteshift.LiteShiftException;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * {@code --online} and {@code --max-lock-ms N}: rebuild tables while the application keeps writing. Off unless asked:
 * an online rebuild takes longer in total, needs WAL, and a killed one leaves a shadow table behind (which the next
 * run resumes or removes), where the one-transaction rebuild leaves nothing; for a small table it buys nothing.
 */
final class OnlineOption {
    @Option(names = "--online", description = "rebuild tables online: rows are copied in short chunks while the application"
            + " keeps writing, then one brief transaction swaps the tables (needs WAL mode; off by default)")
    boolean online;

    @Option(names = "--max-lock-ms", paramLabel = "N", description = "with --online: the target time in milliseconds each chunk"
            + " holds the write lock; chunk sizes adapt to it (default 20)")
    Long maxLockMs;

    /** The chunk target, refusing one that is not a positive number of milliseconds or comes without --online. */
    Duration maxLock(Duration fallback) {
        if (maxLockMs == null) return fallback;
        if (!online) throw usage("--max-lock-ms goes with --online (it bounds each chunk of an online rebuild). Add --online.");
        if (maxLockMs < 1 || maxLockMs > 60_000) {
            throw usage("--max-lock-ms must be between 1 and 60000 milliseconds, not " + maxLockMs + ".");
        }
        return Duration.ofMillis(maxLockMs);
    }

    private static LiteShiftException usage(String message) {
        return new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, message);
    }
}
