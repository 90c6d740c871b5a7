package io.liteshift.plan;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the SQLite library that will run a plan can do natively.
 *
 * @param alterColumnNotNull {@code ALTER TABLE ... ALTER COLUMN ... SET/DROP NOT NULL} is understood
 */
public record Capabilities(boolean alterColumnNotNull) {

    private static volatile Capabilities bundled;

    /** Probes the SQLite bundled with the driver once (it is the one liteshift runs plans with). */
    public static Capabilities ofBundledSqlite() {
        Capabilities c = bundled;
        if (c == null) {
            c = new Capabilities(probe("CREATE TABLE t(a); ALTER TABLE t ALTER COLUMN a SET NOT NULL"));
            bundled = c;
        }
        return c;
    }

    /** Only what every SQLite since 3.35 can do: plans that run on older tools too. */
    public static Capabilities portable() {
        return new Capabilities(false);
    }

    private static boolean probe(String script) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            for (String sql : script.split(";")) s.execute(sql);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
