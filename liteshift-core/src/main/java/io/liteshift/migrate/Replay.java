package io.liteshift.migrate;

import io.liteshift.LiteShiftException;
import io.liteshift.inspect.Inspector;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

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

    /** Opens a database holding the migrations up to {@code upTo} (inclusive); the caller closes it. */
    static Connection run(MigrationDirectory dir, int upTo, After after) {
        Connection mem = null;
        try {
            mem = DriverManager.getConnection("jdbc:sqlite::memory:");
            for (Migration m : dir.migrations()) {
                if (m.version() > upTo) break;
                ScriptRunner.run(mem, MigrationScript.parse(m, dir.label()), dir.label(), false);
                after.accept(m, mem);
            }
            return mem;
        } catch (SQLException | RuntimeException e) {
            close(mem);
            String why = e instanceof LiteShiftException l ? l.text() : io.liteshift.sql.SqliteErrors.message(e instanceof SQLException s ? s : new SQLException(e));
            throw new LiteShiftException(LiteShiftException.Reason.INVALID_INPUT,
                    "the migrations in " + dir.label() + " do not run on an empty database:\n" + why
                            + "\nFix that migration (a migration must build on the ones before it, not on rows or tables made by hand).", e);
        }
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
