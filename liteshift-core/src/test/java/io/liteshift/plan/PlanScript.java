package io.liteshift.plan;

import io.liteshift.sql.Scripts;
import io.liteshift.sql.SqlText;
import io.liteshift.sql.Statement;
import io.liteshift.testing.MemoryDb;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs a plan script the way the sqlite3 shell would: statement by statement, as printed. */
final class PlanScript {
    private PlanScript() {
    }

    static void run(MemoryDb db, String script) throws SQLException {
        for (Statement s : Scripts.split(script)) {
            if (SqlText.canonical(s.sql()).equals("pragma foreign_key_check")) {
                assertThat(db.rows(s.sql())).as("rows that break a foreign key before COMMIT").isEmpty();
            } else {
                try {
                    db.execute(s.sql());
                } catch (IllegalStateException e) {
                    throw new AssertionError("plan statement at line " + s.line() + " failed: " + e.getCause().getMessage()
                            + "\n" + s.sql(), e);
                }
            }
        }
    }
}
