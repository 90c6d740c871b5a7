package io.liteshift.migrate;

import io.liteshift.sqlite.Databases;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A short IMMEDIATE write transaction for bookkeeping (the journal's baseline and repair, a Java seeder with its
 * record): all of it or none. A failure rolls it back and is rethrown.
 */
public final class Transactions {

    @FunctionalInterface
    public interface Work {
        void run() throws SQLException;
    }

    private Transactions() {
    }

    public static void write(Connection c, Work work) throws SQLException {
        Databases.exec(c, "BEGIN IMMEDIATE");
        try {
            work.run();
            Databases.exec(c, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            Databases.rollbackAfter(c, e); // the failure is the news; a failed ROLLBACK rides along as suppressed
            throw e;
        }
    }
}
