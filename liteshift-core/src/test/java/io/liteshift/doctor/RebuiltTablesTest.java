package io.liteshift.doctor;

import io.liteshift.sqlite.DiskSpace;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which tables a migration rebuilds: dropped, then another table renamed into the name. */
class RebuiltTablesTest {
    @Test
    void generatedRebuild() {
        String sql = """
                CREATE TABLE "_liteshift_new_notes" (id INTEGER PRIMARY KEY, body TEXT NOT NULL DEFAULT '');
                INSERT INTO "_liteshift_new_notes" (id, body) SELECT id, coalesce(body, '') FROM notes;
                DROP TABLE notes;
                ALTER TABLE "_liteshift_new_notes" RENAME TO notes;
                """;
        assertThat(DiskSpace.rebuiltTables(sql)).containsExactly("notes");
    }

    @Test
    void runbookSkeletonWithQuotedNames() {
        String sql = """
                PRAGMA foreign_keys = OFF;
                BEGIN;
                CREATE TABLE new_Order_Items (id INTEGER PRIMARY KEY);
                INSERT INTO new_Order_Items SELECT id FROM "Order Items";
                drop table if exists "Order Items";
                alter table new_Order_Items rename to "Order Items";
                ALTER TABLE customers RENAME TO clients;
                COMMIT;
                """;
        assertThat(DiskSpace.rebuiltTables(sql)).as("a plain rename rebuilds nothing").containsExactly("Order Items");
    }
}
