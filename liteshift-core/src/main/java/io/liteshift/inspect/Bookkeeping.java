package io.liteshift.inspect;

import io.liteshift.sql.Identifiers;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tables in a database that belong to no one's schema: SQLite's internals, liteshift's own journal and records,
 * and the history tables other tools keep beside the application's tables. None of them is ever inspected, compared,
 * pulled, dropped or created by liteshift.
 */
public final class Bookkeeping {
    private static final Pattern SQLITE_OR_LITESHIFT = Pattern.compile("^(sqlite_|liteshift_|_liteshift)", Pattern.CASE_INSENSITIVE);

    /**
     * The exact names other migration tools give their history tables with their defaults: drizzle-kit's migrator and
     * Flyway. Only these names: an application's own table called {@code flyway_notes} is the application's.
     */
    private static final Set<String> OTHER_TOOLS = Set.of("__drizzle_migrations", "flyway_schema_history");

    /** Litestream keeps {@code _litestream_seq} and {@code _litestream_lock}; the prefix is its own. */
    private static final String LITESTREAM = "_litestream_";

    private Bookkeeping() {
    }

    /** Another tool's history table: drizzle-kit's {@code __drizzle_migrations}, Flyway's, Litestream's {@code _litestream_*}. */
    public static boolean isOtherToolsTable(String name) {
        String folded = Identifiers.fold(name);
        return OTHER_TOOLS.contains(folded) || folded.startsWith(LITESTREAM);
    }

    /** Not part of any schema liteshift manages: SQLite's, liteshift's or another tool's bookkeeping. */
    public static boolean isBookkeeping(String name) {
        return SQLITE_OR_LITESHIFT.matcher(name).find() || isOtherToolsTable(name);
    }
}
