package io.liteshift;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

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
 */
public record PushOptions(boolean allowDestructive, boolean dryRun, boolean createMissing, Path backupTo, Duration lockTimeout) {
    public PushOptions {
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        if (lockTimeout.isNegative()) throw new IllegalArgumentException("lock timeout must not be negative: " + lockTimeout);
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
        return new PushOptions(true, dryRun, createMissing, backupTo, lockTimeout);
    }

    public PushOptions dryRunOnly() {
        return new PushOptions(allowDestructive, true, createMissing, backupTo, lockTimeout);
    }

    public PushOptions creatingMissing() {
        return new PushOptions(allowDestructive, dryRun, true, backupTo, lockTimeout);
    }

    public PushOptions backingUpTo(Path dir) {
        return new PushOptions(allowDestructive, dryRun, createMissing, dir, lockTimeout);
    }

    public PushOptions waitingForLocks(Duration timeout) {
        return new PushOptions(allowDestructive, dryRun, createMissing, backupTo, timeout);
    }
}
