package io.liteshift.backup;

/**
 * How a new backup is checked before it gets its name. Restoring always runs the full check: a backup is taken on
 * every deploy, where seconds count, and restored rarely, where nothing but a sound file will do.
 */
public enum BackupCheck {
    /**
     * {@code PRAGMA quick_check}: every page is read and every b-tree's structure, order, free list and NOT NULL and
     * CHECK constraints verified, but not that each index holds exactly its table's rows. The backup API copies
     * pages as they are, so an index that disagrees with its table was so in the source too. The default: about a
     * tenth of the full check's time on an indexed table (docs/benchmarks.md, section 4).
     */
    QUICK("quick_check"),
    /** {@code PRAGMA integrity_check}: also looks up every row in every index (a lookup per row and index). */
    FULL("integrity_check");

    private final String pragma;

    BackupCheck(String pragma) {
        this.pragma = pragma;
    }

    /** The PRAGMA's name, as the manifest records it. */
    public String pragma() {
        return pragma;
    }
}
