package io.liteshift.migrate;

import java.sql.Connection;
import java.sql.SQLException;

/** A short IMMEDIATE write transaction for journal bookkeeping (baseline, repair): all of it or none. */
final class Transactions {

    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }

    private Transactions() {
    }

    static void write(Connection c, Work work) throws SQLException {
        ScriptRunner.exec(c, "BEGIN IMMEDIATE");
        try {
            work.run();
            ScriptRunner.exec(c, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            try {
                ScriptRunner.exec(c, "ROLLBACK");
            } catch (SQLException ignored) {
                // the failure itself ended the transaction
            }
            throw e;
        }
    }
}
