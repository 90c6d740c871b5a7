package io.liteshift.lint;

import io.liteshift.sqlite.TableSizes;
import io.liteshift.sqlite.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows and bytes are measured once per table, whatever the spelling of its name, for one lint or push run. */
class TableStatsTest {
    @TempDir
    Path tmp;

    @Test
    void eachTableIsCountedAndSizedOnce() throws Exception {
        try (Connection c = Databases.open(tmp.resolve("app.db"), true, false)) {
            Databases.exec(c, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
            Databases.exec(c, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
                    + " INSERT INTO users SELECT i, printf('%0100d', i) FROM n");
            TableStats stats = new TableStats(c);
            assertThat(stats.rows("users")).isEqualTo(3000);
            long bytes = stats.bytes("users");
            assertThat(bytes).isEqualTo(TableSizes.bytes(c, "users").orElseThrow()).isGreaterThan(300_000);

            Databases.exec(c, "DELETE FROM users WHERE id > 10");
            // the same run asks again (another spelling of the name, too): the first measure, not a new scan
            assertThat(stats.rows("USERS")).isEqualTo(3000);
            assertThat(stats.bytes("Users")).isEqualTo(bytes);
            // a new run measures again
            assertThat(new TableStats(c).rows("users")).isEqualTo(10);
            assertThat(Rows.count(c, "SELECT count(*) FROM users")).isEqualTo(10);
        }
    }
}
