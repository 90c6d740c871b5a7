package io.liteshift.inspect;

import io.liteshift.schema.Schema;
import io.liteshift.schema.Table;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class BookkeepingTest {
    @Test
    void onlyTheExactNamesOfOtherToolsHistoryTablesAreTheirs() {
        assertThat(Bookkeeping.isOtherToolsTable("__drizzle_migrations")).isTrue();
        assertThat(Bookkeeping.isOtherToolsTable("flyway_schema_history")).isTrue();
        assertThat(Bookkeeping.isOtherToolsTable("FLYWAY_SCHEMA_HISTORY")).as("SQLite's names ignore ASCII case").isTrue();
        assertThat(Bookkeeping.isOtherToolsTable("_litestream_seq")).isTrue();
        assertThat(Bookkeeping.isOtherToolsTable("flyway_notes")).isFalse();
        assertThat(Bookkeeping.isOtherToolsTable("my_flyway_schema_history")).isFalse();
        assertThat(Bookkeeping.isOtherToolsTable("drizzle_migrations")).isFalse();
        assertThat(Bookkeeping.isOtherToolsTable("liteshift_migrations")).as("liteshift's own, not another tool's").isFalse();
        assertThat(Bookkeeping.isBookkeeping("liteshift_migrations")).isTrue();
        assertThat(Bookkeeping.isBookkeeping("sqlite_sequence")).isTrue();
        assertThat(Bookkeeping.isBookkeeping("users")).isFalse();
    }

    @Test
    void inspectionLeavesThemAndTheirIndexesOutButKeepsLookalikes() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY, success BOOLEAN NOT NULL)");
            s.execute("CREATE INDEX flyway_schema_history_s_idx ON flyway_schema_history (success)");
            s.execute("CREATE TABLE \"__drizzle_migrations\" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)");
            s.execute("CREATE TABLE flyway_notes (id INTEGER PRIMARY KEY)");
            Schema schema = Inspector.inspect(c);
            assertThat(schema.tables()).extracting(Table::name).containsExactly("flyway_notes");
            assertThat(schema.indexes()).isEmpty();
        }
    }
}
