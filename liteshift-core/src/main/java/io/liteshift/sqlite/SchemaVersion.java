package io.liteshift.sqlite;

/**
 * How a schema version is written: the number of the newest migration applied to a database, four digits as in the
 * migrations' file names ({@code 0003_add_orders.sql}), so that a message, a backup's name and a file name line up.
 */
public final class SchemaVersion {
    private SchemaVersion() {
    }

    /** "0003"; a version past 9999 keeps all its digits ("12345"). */
    public static String label(int version) {
        return String.format("%04d", version);
    }
}
