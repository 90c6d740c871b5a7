package io.liteshift;

import java.nio.file.Path;

/**
 * How a push may proceed.
 *
 * @param allowDestructive drop tables and columns that hold data (the CLI's {@code --yes})
 * @param dryRun           plan and check, but write nothing
 * @param createMissing    create the database file when it does not exist
 * @param backupTo         when not null, a verified backup is taken into this directory under the write lock, just
 *                         before the change is applied (not for a dry run, nor when there is nothing to do)
 */
public record PushOptions(boolean allowDestructive, boolean dryRun, boolean createMissing, Path backupTo) {

    public PushOptions(boolean allowDestructive, boolean dryRun, boolean createMissing) {
        this(allowDestructive, dryRun, createMissing, null);
    }

    public static PushOptions defaults() {
        return new PushOptions(false, false, false);
    }

    public PushOptions allowingDestructive() {
        return new PushOptions(true, dryRun, createMissing, backupTo);
    }

    public PushOptions dryRunOnly() {
        return new PushOptions(allowDestructive, true, createMissing, backupTo);
    }

    public PushOptions creatingMissing() {
        return new PushOptions(allowDestructive, dryRun, true, backupTo);
    }

    public PushOptions backingUpTo(Path dir) {
        return new PushOptions(allowDestructive, dryRun, createMissing, dir);
    }
}
