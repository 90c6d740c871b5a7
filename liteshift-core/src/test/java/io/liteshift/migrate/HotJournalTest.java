package io.liteshift.migrate;

import io.liteshift.LiteShift;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a process dies in the middle of a write in rollback-journal mode, the file has a hot journal. The read-only
 * commands ({@code status}, {@code verify}) are what an operator runs first after such a crash; SQLite refuses a
 * read-only connection to such a file (SQLITE_READONLY_ROLLBACK), and they used to fail with "attempt to write a
 * readonly database. Check that it is a SQLite database file".
 */
class HotJournalTest {
    @TempDir
    Path tmp;

    @Test
    void statusAndVerifyAfterACrashMidWriteSeeTheLastCommittedState() throws Exception {
        Project p = new Project(tmp);
        p.migration("0001_notes.sql", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);");
        p.liteshift().hash();
        p.liteshift().migrate();
        Path crashed = tmp.resolve("crashed.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p.db); Statement s = c.createStatement()) {
            // a small cache makes SQLite write changed pages into the file before commit, as a large migration does;
            // copying the file and its journal mid-transaction gives what a kill at this instant leaves behind
            s.execute("PRAGMA cache_size = 5");
            s.execute("BEGIN IMMEDIATE");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)"
                    + " INSERT INTO notes SELECT i, printf('%0100d', i) FROM n");
            Files.copy(p.db, crashed);
            Files.copy(Path.of(p.db + "-journal"), Path.of(crashed + "-journal"));
            s.execute("ROLLBACK");
        }
        assertThat(Files.size(Path.of(crashed + "-journal"))).isPositive();
        LiteShift ls = LiteShift.configure().database(crashed.toString()).migrations(p.migrations).load();

        StatusReport status = ls.status();

        assertThat(status.history().version()).isEqualTo(1);
        assertThat(status.problems()).isEmpty();
        assertThat(ls.verify()).isEmpty();
        assertThat(Path.of(crashed + "-journal")).doesNotExist();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + crashed); Statement s = c.createStatement()) {
            assertThat(one(s, "SELECT count(*) FROM notes")).isEqualTo(0);
            assertThat(one(s, "PRAGMA integrity_check")).isEqualTo("ok");
        }
    }

    private static Object one(Statement s, String query) throws Exception {
        try (ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getObject(1);
        }
    }
}
