package io.liteshift.sql;

import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteLimits;
import org.sqlite.jdbc4.JDBC4Connection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The in-memory SQLite in which liteshift evaluates SQL on the user's behalf: a declared schema, the replay of a
 * migrations directory, a snapshot. What runs here may create and write its own tables, never reach a file:
 * <ul>
 *   <li>{@code SQLITE_LIMIT_ATTACHED} is 0, so SQLite itself refuses ATTACH and VACUUM INTO ("too many attached
 *       databases - max 0"), whatever their spelling, wherever they stand;</li>
 *   <li>extension loading is off, so {@code load_extension()} is "not authorized";</li>
 *   <li>{@link #run} prepares the statement, so the driver's own {@code backup to FILE} / {@code restore from FILE}
 *       commands (which it intercepts in {@code Statement.execute}, before SQLite sees the text) are syntax errors
 *       here. The bundled SQLite has no {@code readfile()}/{@code writefile()} (those are the sqlite3 shell's).</li>
 * </ul>
 * The driver exposes no authorizer ({@code sqlite3_set_authorizer}), so statements are also classified before they
 * run (the declared schema's rules in {@code inspect}, the migration rules in {@code migrate}).
 */
public final class Sandbox {

    private Sandbox() {
    }

    /** A new, empty in-memory database with the limits above; the caller closes it. */
    public static Connection open() throws SQLException {
        Properties config = new Properties(); // load_extension stays disabled: the driver enables it only when asked
        SQLiteConnection c = new JDBC4Connection("jdbc:sqlite::memory:", ":memory:", config);
        try {
            c.getDatabase().limit(SQLiteLimits.SQLITE_LIMIT_ATTACHED.getId(), 0);
            c.getDatabase().enable_load_extension(false);
            if (c.getDatabase().limit(SQLiteLimits.SQLITE_LIMIT_ATTACHED.getId(), -1) != 0) {
                throw new SQLException("the bundled SQLite did not take SQLITE_LIMIT_ATTACHED = 0; refusing to evaluate SQL without it");
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Runs one statement of user SQL as SQLite alone reads it (prepared: nothing the driver would intercept). */
    public static void run(Connection sandbox, String sql) throws SQLException {
        try (PreparedStatement ps = sandbox.prepareStatement(sql)) {
            ps.execute();
        }
    }
}
