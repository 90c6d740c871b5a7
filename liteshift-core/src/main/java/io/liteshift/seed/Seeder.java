package io.liteshift.seed;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Seed data written in Java. Runs once per database, inside an IMMEDIATE transaction together with its row in
 * {@code liteshift_seeds}; throwing rolls both back. Do not commit or roll back on {@code c}.
 */
public interface Seeder {
    /** Unique among the seeds (the SQL files' names included); recorded in {@code liteshift_seeds}. */
    String name();

    void seed(Connection c) throws SQLException;
}
