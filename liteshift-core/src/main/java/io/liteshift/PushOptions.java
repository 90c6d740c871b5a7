package io.liteshift;

/**
 * How a push may proceed.
 *
 * @param allowDestructive drop tables and columns that hold data (the CLI's {@code --yes})
 * @param dryRun           plan and check, but write nothing
 * @param createMissing    create the database file when it does not exist
 */
public record PushOptions(boolean allowDestructive, boolean dryRun, boolean createMissing) {

    public static PushOptions defaults() {
        return new PushOptions(false, false, false);
    }

    public PushOptions allowingDestructive() {
        return new PushOptions(true, dryRun, createMissing);
    }

    public PushOptions dryRunOnly() {
        return new PushOptions(allowDestructive, true, createMissing);
    }

    public PushOptions creatingMissing() {
        return new PushOptions(allowDestructive, dryRun, true);
    }
}
