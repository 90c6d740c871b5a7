package io.liteshift;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import io.liteshift.online.OnlineOptions;
import io.liteshift.online.Progress;

/**
 * How a push may proceed.
 *
 * @param allowDestructive drop tables and columns that hold data (the CLI's {@code --yes})
 * @param dryRun           plan and check, but write nothing
 * @param createMissing    create the database file when it does not exist
 * @param backupTo         when not null, a verified backup is taken into this directory under the write lock, just
 *                         before the change is applied (not for a dry run, nor when there is nothing to do)
 * @param lockTimeout      how long to wait for another process's lock (the CLI's {@code --lock-timeout}); default
 *                         {@link Configuration#DEFAULT_LOCK_TIMEOUT}, as for {@code migrate}
 * @param online           rebuild tables online (the CLI's {@code --online}): the application keeps writing while
 *                         the rows are copied in short chunks, and one brief transaction swaps the tables. Off by
 *                         default: an online rebuild takes longer in total, needs WAL, and leaves a shadow table to
 *                         resume or clean up when it is killed, which a change applied in one transaction never does;
 *                         it is worth that only for a table whose copy would stall the application's writers
 * @param maxLock          online only: the target time each chunk holds the write lock (the CLI's
 *                         {@code --max-lock-ms}); chunk sizes adapt to it
 * @param progress         online only: told where the rebuild is after every chunk and at each phase (the CLI's
 *                         progress line); called on the pushing thread, so it must be quick
 */
public record PushOptions(boolean allowDestructive, boolean dryRun, boolean createMissing, Path backupTo, Duration lockTimeout,
                          boolean online, Duration maxLock, Consumer<Progress> progress) {
    /** The default time a chunk of an online rebuild holds the write lock: the engine's. */
    public static final Duration DEFAULT_MAX_LOCK = OnlineOptions.DEFAULT_MAX_LOCK;

    public PushOptions {
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(maxLock, "maxLock");
        Objects.requireNonNull(progress, "progress");
        if (lockTimeout.isNegative()) throw new IllegalArgumentException("lock timeout must not be negative: " + lockTimeout);
        if (maxLock.isNegative() || maxLock.isZero()) throw new IllegalArgumentException("max lock must be positive: " + maxLock);
    }

    public PushOptions(boolean allowDestructive, boolean dryRun, boolean createMissing, Path backupTo, Duration lockTimeout) {
        this(allowDestructive, dryRun, createMissing, backupTo, lockTimeout, false, DEFAULT_MAX_LOCK, p -> { });
    }

    public PushOptions(boolean allowDestructive, boolean dryRun, boolean createMissing, Path backupTo) {
        this(allowDestructive, dryRun, createMissing, backupTo, Configuration.DEFAULT_LOCK_TIMEOUT);
    }

    public PushOptions(boolean allowDestructive, boolean dryRun, boolean createMissing) {
        this(allowDestructive, dryRun, createMissing, null);
    }

    public static PushOptions defaults() {
        return new PushOptions(false, false, false);
    }

    public PushOptions allowingDestructive() {
        return new PushOptions(true, dryRun, createMissing, backupTo, lockTimeout, online, maxLock, progress);
    }

    public PushOptions dryRunOnly() {
        return new PushOptions(allowDestructive, true, createMissing, backupTo, lockTimeout, online, maxLock, progress);
    }

    public PushOptions creatingMissing() {
        return new PushOptions(allowDestructive, dryRun, true, backupTo, lockTimeout, online, maxLock, progress);
    }

    public PushOptions backingUpTo(Path dir) {
        return new PushOptions(allowDestructive, dryRun, createMissing, dir, lockTimeout, online, maxLock, progress);
    }

    public PushOptions waitingForLocks(Duration timeout) {
        return new PushOptions(allowDestructive, dryRun, createMissing, backupTo, timeout, online, maxLock, progress);
    }

    /** Rebuild tables online (see {@link #online()}); needs a database in WAL mode, and refuses otherwise. */
    public PushOptions online(boolean rebuildOnline) {
        return new PushOptions(allowDestructive, dryRun, createMissing, backupTo, lockTimeout, rebuildOnline, maxLock, progress);
    }

    /** Where an online rebuild reports its progress (rows copied, rate, ETA, change backlog). */
    public PushOptions onlineProgress(Consumer<Progress> listener) {
        return new PushOptions(allowDestructive, dryRun, createMissing, backupTo, lockTimeout, online, maxLock, listener);
    }

    /** The options of the online rebuild itself. */
    OnlineOptions onlineOptions() {
        return OnlineOptions.defaults().withMaxLock(maxLock).withProgress(progress);
    }

    /** The target time each chunk of an online rebuild holds the write lock; default {@link #DEFAULT_MAX_LOCK}. */
    public PushOptions maxLock(Duration target) {
        return new PushOptions(allowDestructive, dryRun, createMissing, backupTo, lockTimeout, online, target, progress);
    }
}
