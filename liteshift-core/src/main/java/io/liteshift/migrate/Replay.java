package io.liteshift.migrate;

import io.liteshift.LiteShiftException;
import io.liteshift.sql.Sandbox;
import io.liteshift.sql.SqliteErrors;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The migrations run on an empty in-memory database, through the same runner as {@code migrate}: the schema the
 * directory produces, with nothing assumed. {@code generate} diffs against it, {@code hash} refreshes the
 * snapshots from it, {@code baseline} and {@code revert} read the schema after a given version from it.
 */
final class Replay {

    /** Called after each migration, with the in-memory database as it is then. */
    @FunctionalInterface
    interface After {
        void accept(Migration m, Connection db) throws SQLException;
    }

    private Replay() {
    }

    /**
     * Opens a database holding the migrations up to {@code upTo} (inclusive); the caller closes it. It is a
     * {@link Sandbox}: a migration may write its own tables there, never reach a file.
     */
    static Connection run(MigrationDirectory dir, int upTo, After after) {
        Connection mem = null;
        try {
            mem = Sandbox.open();
            for (Migration m : dir.migrations()) {
                if (m.version() > upTo) break;
                runOne(mem, m, dir);
                after.accept(m, mem);
            }
            return mem;
        } catch (SQLException e) {
            close(mem);
            throw doesNotRun(dir, e);
        } catch (RuntimeException e) {
            close(mem);
            throw e; // what the caller's step refused (a snapshot that breaks the rules names itself)
        }
    }

    private static void runOne(Connection mem, Migration m, MigrationDirectory dir) throws SQLException {
        try {
            ScriptRunner.run(mem, MigrationScript.parse(m, dir.label()), dir.label(), false);
        } catch (RuntimeException e) {
            throw doesNotRun(dir, e);
        }
    }

    private static LiteShiftException doesNotRun(MigrationDirectory dir, Exception e) {
        String why = e instanceof LiteShiftException l ? l.text() : SqliteErrors.message(e instanceof SQLException s ? s : new SQLException(e));
        return new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                "the migrations in " + dir.label() + " do not run on an empty database:\n" + why
                        + "\nFix that migration (a migration must build on the ones before it, not on rows or tables made by hand).", e);
    }

    static void close(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // an in-memory database: nothing to lose
        }
    }
}
