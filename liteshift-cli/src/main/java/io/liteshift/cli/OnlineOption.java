package io.liteshift.cli;

import io.liteshift.LiteShiftException;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * {@code --[no-]online} and {@code --max-lock-ms N}: rebuild tables while the application keeps writing. For push,
 * off unless asked: an online rebuild takes longer in total, needs WAL, and a killed one leaves a shadow table behind
 * (which the next run resumes or removes), where the one-transaction rebuild leaves nothing; for a small table it buys
 * nothing. For migrate, unset lets each migration's {@code -- liteshift:online} line decide.
 */
final class OnlineOption {
    @Option(names = "--online", negatable = true, description = "rebuild tables online: rows are copied in short chunks while"
            + " the application keeps writing, then one brief transaction swaps the tables (needs WAL mode). push: off by"
            + " default; migrate: by default each migration's `-- liteshift:online` line decides, --no-online runs every"
            + " migration in one transaction")
    Boolean online;

    @Option(names = "--max-lock-ms", paramLabel = "N", description = "online: the target time in milliseconds each chunk"
            + " holds the write lock; chunk sizes adapt to it (default 7)")
    Long maxLockMs;

    /** Whether --online was given (push's setting: anything else is the one-transaction rebuild). */
    boolean on() {
        return Boolean.TRUE.equals(online);
    }

    /**
     * The chunk target, or {@code fallback}; refuses one that is not a positive number of milliseconds, or that comes
     * with nothing that runs online ({@code --no-online}; for push, without {@code --online}).
     */
    Duration maxLock(Duration fallback, boolean needsOnline) {
        if (maxLockMs == null) return fallback;
        if (Boolean.FALSE.equals(online) || (needsOnline && !on())) {
            throw usage("--max-lock-ms bounds each chunk of an online rebuild, but nothing runs online here: add --online.");
        }
        if (maxLockMs < 1 || maxLockMs > 60_000) {
            throw usage("--max-lock-ms must be between 1 and 60000 milliseconds, not " + maxLockMs + ".");
        }
        return Duration.ofMillis(maxLockMs);
    }

    private static LiteShiftException usage(String message) {
        return new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT, message);
    }
}
