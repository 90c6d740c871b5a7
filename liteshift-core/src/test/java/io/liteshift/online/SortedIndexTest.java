package io.liteshift.online;

import io.liteshift.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Indexes filled in key order ({@link SortedIndex}) and the old table's indexes drained as WITHOUT ROWID tables: which
 * indexes take that way, a NULL key that turns up while the rebuild copies, and old indexes whose keys hold NULLs, run
 * DESC or are expressions. Each result is compared with the offline rebuild of the same final contents.
 */
class SortedIndexTest {
    private static final String INDEXES = """
            CREATE INDEX t_a ON t(a);
            CREATE INDEX t_ab ON t(a, b);
            CREATE INDEX t_c ON t(c);
            CREATE INDEX t_b_desc ON t(b DESC, c);
            CREATE INDEX t_lower ON t(lower(c));
            CREATE INDEX t_nocase ON t(a COLLATE NOCASE);
            CREATE INDEX t_bd ON t(b DESC);
            """;
    private static final String BEFORE = "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INTEGER NOT NULL, c TEXT, d REAL);\n" + INDEXES + """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)
              INSERT INTO t SELECT i, 'a' || (i * 7 % 1000), i % 13, CASE WHEN i % 3 = 0 THEN NULL ELSE 'C' || (i % 50) END,
                CASE WHEN i % 5 = 0 THEN NULL ELSE i / 4.0 END FROM n;
            """;
    /** d becomes NOT NULL (a rebuild); t_a and t_ab can be filled in key order, the others cannot. */
    private static final String AFTER = "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INTEGER NOT NULL, c TEXT, d REAL NOT NULL DEFAULT 0);\n"
            + INDEXES + "CREATE INDEX t_d ON t(d);\n";

    @TempDir
    Path dir;

    @Test
    void plainIndexesWithAMatchingIndexAreFilledInKeyOrderAndTheRestWithTheShadow() throws Exception {
        Path db = OnlineDb.create(dir.resolve("a.db"), BEFORE);
        Schema declared = OnlineDb.declared(AFTER);
        Path expected = OnlineDb.rebuiltOffline(db, dir.resolve("expected.db"), declared);
        try (Engine e = OnlineDb.online(db, declared, "t", OnlineOptions.defaults()).engine().capChunks(500)) {
            e.recover();
            e.step(); // the setup
            // t_c's column holds NULLs, t_b_desc runs DESC, t_lower is an expression, t_nocase has no matching index,
            // t_d's column is not copied unchanged (NULL becomes 0)
            assertThat(objects(db)).contains("table _liteshift_ix_t_a", "table _liteshift_ix_t_ab", "index _liteshift_new_t_c",
                    "index _liteshift_new_t_b_desc", "index _liteshift_new_t_lower", "index _liteshift_new_t_nocase", "index _liteshift_new_t_d")
                    .doesNotContain("index _liteshift_new_t_a", "index _liteshift_new_t_ab");
            while (e.phase() == Progress.Phase.COPY) e.step();
            while (e.phase() != Progress.Phase.DRAIN) e.step();
            // after the swap the old indexes that hold no NULL key are tables of their entries, drained a chunk at a time
            // (t_bd in descending order); t_c, t_lower (lower(NULL)) and t_b_desc (c second) may, and go with the old rows
            assertThat(objects(db)).contains("table _liteshift_oldix_t_a", "table _liteshift_oldix_t_ab", "table _liteshift_oldix_t_nocase",
                    "table _liteshift_oldix_t_bd", "index _liteshift_old_t_c", "index _liteshift_old_t_lower", "index _liteshift_old_t_b_desc",
                    "index t_a", "index t_ab");
            while (e.phase() != Progress.Phase.DONE) e.step();
        }
        assertThat(OnlineDb.dump(db)).containsExactlyElementsOf(OnlineDb.dump(expected)).contains("integrity_check: [ok]");
        assertThat(OnlineDb.leftovers(db)).isFalse();
        assertThat(OnlineDb.count(db, "PRAGMA freelist_count")).as("the old pages are free").isGreaterThan(0);
    }

    @Test
    void aNullKeyWrittenDuringTheCopyMakesTheRebuildStartAgainWithThatIndexBuiltWithTheShadow() throws Exception {
        Path db = OnlineDb.create(dir.resolve("b.db"), BEFORE);
        Path mirror = OnlineDb.copy(db, dir.resolve("mirror.db"));
        Schema declared = OnlineDb.declared(AFTER);
        List<String> writes = List.of("UPDATE t SET a = 'moved' WHERE id = 10", "INSERT INTO t (id, a, b, c) VALUES (9000, NULL, 1, 'x')",
                "UPDATE t SET a = NULL WHERE id = 3999", "DELETE FROM t WHERE id = 20");
        try (Engine e = OnlineDb.online(db, declared, "t", OnlineOptions.defaults()).engine().capChunks(300);
             Connection app = OnlineDb.open(db); Statement s = app.createStatement()) {
            e.recover();
            e.step();
            for (int i = 0; i < 3; i++) e.step();
            for (String w : writes) s.execute(w);
            assertThat(objects(db)).contains("table _liteshift_ix_t_a");
            boolean restarted = false;
            while (e.phase() != Progress.Phase.DONE) {
                e.step();
                if (e.phase() == Progress.Phase.SETUP) restarted = true;
                if (restarted && e.phase() == Progress.Phase.COPY) {
                    assertThat(objects(db)).contains("index _liteshift_new_t_a", "index _liteshift_new_t_ab").doesNotContain("table _liteshift_ix_t_a");
                }
            }
            assertThat(restarted).as("the rebuild started again").isTrue();
        }
        try (Connection c = OnlineDb.open(mirror); Statement s = c.createStatement()) {
            for (String w : writes) s.execute(w);
        }
        Path expected = OnlineDb.rebuiltOffline(mirror, dir.resolve("expected.db"), declared);
        assertThat(OnlineDb.dump(db)).containsExactlyElementsOf(OnlineDb.dump(expected)).contains("integrity_check: [ok]");
        assertThat(OnlineDb.leftovers(db)).isFalse();
    }

    private static List<String> objects(Path db) throws Exception {
        try (Connection c = OnlineDb.open(db); Statement s = c.createStatement()) {
            return OnlineDb.rows(s, "SELECT type || ' ' || name FROM sqlite_schema ORDER BY name");
        }
    }
}
