package io.liteshift.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Runs a SQL file the way a migration runs, for callers that keep their own record of it (seeds): split with
 * SQLite's rules, foreign keys handled as for a migration ({@code PRAGMA foreign_keys} lines honoured before the
 * transaction, {@code foreign_key_check} before commit), one IMMEDIATE transaction together with the caller's
 * record. A failing statement rolls everything back and throws a {@link io.liteshift.LiteShiftException} naming
 * {@code file:line}, the statement and SQLite's message.
 */
public final class SqlScript {

    /** The caller's record, written in the same transaction as the script. */
    public interface Bookkeeping {
        /** Under the write lock, before any statement: false leaves the script unrun (another process ran it meanwhile). */
        boolean proceed(Connection c) throws SQLException;

        /** After the statements, before commit. */
        void record(Connection c, Duration took) throws SQLException;
    }

    private SqlScript() {
    }

    /**
     * @param where    the directory as it is named in messages (e.g. {@code seeds})
     * @param fileName the file's name, for {@code where/fileName:line} in messages
     * @param sql      the file's text
     * @return whether it ran (false: {@link Bookkeeping#proceed} said no, nothing was changed)
     */
    public static boolean run(Connection c, String where, String fileName, String sql, Bookkeeping books) throws SQLException {
        String text = Migration.normalise(sql);
        MigrationScript script = MigrationScript.parse(new Migration(0, fileName, text, Migration.sha256(text)), where);
        return ScriptRunner.inTransaction(c, script, where, books);
    }

    /** {@code user@host (pid N)} (on Fly.io the machine id), as the migration journal records who applied what. */
    public static String whoAmI() {
        return Journal.whoAmI();
    }

    /** SHA-256 of the text with line endings and a byte order mark normalised, as for migrations. */
    public static String checksum(String sql) {
        return Migration.sha256(Migration.normalise(sql));
    }
}
