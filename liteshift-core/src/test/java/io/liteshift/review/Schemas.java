package io.liteshift.review;

import io.liteshift.inspect.DeclaredSchema;
import io.liteshift.inspect.Inspector;
import io.liteshift.schema.Schema;
import io.liteshift.sql.Sandbox;
import io.liteshift.sql.Scripts;
import io.liteshift.sql.Statement;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Real schemas for the review tests: SQL run into an in-memory SQLite and inspected, as liteshift reads every
 * schema. The one place these tests reach outside the review package, so a move there changes one file here.
 */
final class Schemas {
    private Schemas() {
    }

    /** The schema {@code ddl} declares. */
    static Schema declared(String ddl) {
        return DeclaredSchema.ofSql(ddl).schema();
    }

    /** The schema after running {@code ddl}, then each migration's text as it stands, on one database. */
    static Schema afterRunning(String ddl, String... migrations) {
        try (Connection db = Sandbox.open()) {
            run(db, ddl);
            for (String m : migrations) run(db, m);
            return Inspector.inspect(db);
        } catch (SQLException e) {
            throw new IllegalStateException("a review fixture's SQL does not run: " + e.getMessage(), e);
        }
    }

    private static void run(Connection db, String sql) throws SQLException {
        for (Statement s : Scripts.split(sql)) {
            try (java.sql.Statement st = db.createStatement()) {
                st.execute(s.sql());
            }
        }
    }

    /** The 1-based line of the first line of {@code sql} that contains {@code needle}; fails when none does. */
    static int lineOf(String sql, String needle) {
        String[] lines = sql.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(needle)) return i + 1;
        throw new IllegalArgumentException("no line contains " + needle);
    }
}
