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
 * How the rebuild builds each declared index: handed over from the current table when it has the same one
 * ({@link ReusedIndex}), filled in key order from another index of the table that reads in that order
 * ({@link SortedIndex}), else with the shadow, row by row; and how the old table's indexes are freed (as WITHOUT ROWID
 * tables in key order when they hold no NULL key, else with its rows). A NULL that turns up while a key-ordered index
 * is filled makes the rebuild start again with that index on the shadow. Each result is compared with the offline
 * rebuild of the same final contents.
 */
class OnlineIndexesTest {
    private static final String INDEXES = """
            CREATE INDEX t_a ON t(a);
            CREATE INDEX t_ab ON t(a, b);
            CREATE INDEX t_c ON t(c);
            CREATE INDEX t_b_desc ON t(b DESC, c);
            CREATE INDEX t_lower ON t(lower(c));
            CREATE INDEX t_nocase ON t(a COLLATE NOCASE);
            CREATE INDEX t_bd ON t(b DESC);
            CREATE INDEX t_part ON t(a) WHERE c IS NOT NULL;
            CREATE INDEX t_part_d ON t(a) WHERE d > 100;
            """;
    private static final String BEFORE = "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INTEGER NOT NULL, c TEXT, d REAL, u TEXT UNIQUE);\n"
            + INDEXES + "CREATE INDEX t_gone ON t(b DESC);\nCREATE INDEX t_gone_lower ON t(lower(a));\n" + """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)
              INSERT INTO t SELECT i, 'a' || (i * 7 % 1000), i % 13, CASE WHEN i % 3 = 0 THEN NULL ELSE 'C' || (i % 50) END,
                CASE WHEN i % 5 = 0 THEN NULL ELSE i / 4.0 END, 'u' || (i * 7919 % 100000) FROM n;
            """;
    /**
     * d becomes NOT NULL (a rebuild). t_a, t_ab, t_c, t_nocase, t_b_desc, t_bd and t_part (its WHERE reads c, which
     * the change leaves alone) are the table's own: handed over; t_part_d's WHERE reads d, which it converts.
     * t_u has no equal index but u's UNIQUE constraint reads in its order: filled in key order. The rest go with the
     * shadow: t_lower is an expression, t_d's column is not copied unchanged (NULL becomes 0). t_gone and t_gone_lower
     * are not declared: they go with the old table.
     */
    private static final String AFTER = "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INTEGER NOT NULL, c TEXT, d REAL NOT NULL DEFAULT 0,"
            + " u TEXT UNIQUE);\n" + INDEXES + "CREATE INDEX t_d ON t(d);\nCREATE INDEX t_u ON t(u);\n";

    @TempDir
    Path dir;

    @Test
    void eachIndexIsHandedOverFilledInKeyOrderOrBuiltWithTheShadowAndTheOldOnesAreFreed() throws Exception {
        Path db = OnlineDb.create(dir.resolve("a.db"), BEFORE);
        Schema declared = OnlineDb.declared(AFTER);
        Path expected = OnlineDb.rebuiltOffline(db, dir.resolve("expected.db"), declared);
        try (Engine e = OnlineDb.online(db, declared, "t", OnlineOptions.defaults()).engine().capChunks(500)) {
            e.recover();
            e.step(); // the setup
            assertThat(names(db)).contains("table _liteshift_ix_t_u", "index _liteshift_new_t_lower", "index _liteshift_new_t_d",
                            "index _liteshift_new_t_part_d")
                    .doesNotContain("index _liteshift_new_t_a", "index _liteshift_new_t_ab", "index _liteshift_new_t_c",
                            "index _liteshift_new_t_nocase", "index _liteshift_new_t_b_desc", "index _liteshift_new_t_bd",
                            "index _liteshift_new_t_u", "table _liteshift_ix_t_a", "index _liteshift_new_t_part");
            while (e.phase() != Progress.Phase.DRAIN) e.step();
            // the handed-over indexes are the new table's; of the old table's others, t_gone (descending) and t_gone_lower
            // (an expression) hold no NULL key and are tables of their entries, drained a chunk at a time; t_lower
            // (lower(NULL)) holds NULL keys and goes with the old rows
            assertThat(objects(db)).contains("index t_a on t", "index t_ab on t", "index t_c on t", "index t_nocase on t", "index t_u on t",
                    "index t_b_desc on t", "index t_bd on t", "index t_part on t", "table _liteshift_oldix_t_gone on _liteshift_oldix_t_gone",
                    "table _liteshift_oldix_t_gone_lower on _liteshift_oldix_t_gone_lower", "index _liteshift_old_t_lower on _liteshift_old_t");
            while (e.phase() != Progress.Phase.DONE) e.step();
        }
        assertThat(OnlineDb.dump(db)).containsExactlyElementsOf(OnlineDb.dump(expected)).contains("integrity_check: [ok]");
        assertThat(OnlineDb.leftovers(db)).isFalse();
        assertThat(OnlineDb.count(db, "PRAGMA freelist_count")).as("the old pages are free").isGreaterThan(0);
    }

    @Test
    void aUniqueIndexIsHandedOverUnlessAForeignKeyReferencesItsColumns() throws Exception {
        String before = """
                CREATE TABLE p (id INTEGER PRIMARY KEY, code TEXT, v TEXT, n INTEGER);
                CREATE UNIQUE INDEX p_code ON p(code);
                CREATE UNIQUE INDEX p_v ON p(v);
                CREATE TABLE c (id INTEGER PRIMARY KEY, code TEXT REFERENCES p(code));
                WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 2000)
                  INSERT INTO p SELECT i, 'c' || i, 'v' || i, CASE WHEN i % 4 = 0 THEN NULL ELSE i END FROM k;
                INSERT INTO c (code) SELECT code FROM p WHERE id % 7 = 0;
                """;
        String after = before.substring(0, before.indexOf("WITH")).replace("n INTEGER)", "n INTEGER NOT NULL DEFAULT 0)");
        Path db = OnlineDb.create(dir.resolve("u.db"), before);
        Path mirror = OnlineDb.copy(db, dir.resolve("mirror.db"));
        Schema declared = OnlineDb.declared(after);
        List<String> writes = List.of("INSERT INTO p (code, v) VALUES ('new', 'v5')", "UPDATE p SET v = 'moved' WHERE id = 9",
                "INSERT OR REPLACE INTO p (code, v, n) VALUES ('c1', 'v1', 1)", "INSERT INTO p (code, v) VALUES ('fresh', 'v-fresh')");
        try (Engine e = OnlineDb.online(db, declared, "p", OnlineOptions.defaults()).engine().capChunks(300);
             Connection app = OnlineDb.open(db); Connection twin = OnlineDb.open(mirror)) {
            e.recover();
            e.step();
            // p_code is a parent key of c: the foreign key check looks it up in the shadow, which needs the index there
            assertThat(names(db)).contains("index _liteshift_new_p_code").doesNotContain("index _liteshift_new_p_v");
            for (String w : writes) {
                // the duplicate v fails for the application as it would without the rebuild: the table's index enforces it
                assertThat(OnlinePropertyTest.outcome(app, w)).as(w).isEqualTo(OnlinePropertyTest.outcome(twin, w));
                e.step();
            }
            while (e.phase() != Progress.Phase.DONE) e.step();
        }
        Path expected = expected(mirror, List.of(), declared);
        assertThat(OnlineDb.dump(db)).containsExactlyElementsOf(OnlineDb.dump(expected)).contains("integrity_check: [ok]", "foreign_key_check: []");
        assertThat(objects(db)).contains("index p_v on p", "index p_code on p");
    }

    @Test
    void handedOverIndexesKeepTheEntriesOfWritesDuringTheCopy() throws Exception {
        Path db = OnlineDb.create(dir.resolve("w.db"), BEFORE);
        Path mirror = OnlineDb.copy(db, dir.resolve("mirror.db"));
        Schema declared = OnlineDb.declared(AFTER);
        List<String> writes = List.of("UPDATE t SET a = 'moved', c = NULL WHERE id = 10", "INSERT INTO t (id, a, b, c, u) VALUES (9000, NULL, 1, 'x', 'new')",
                "DELETE FROM t WHERE id BETWEEN 20 AND 40", "UPDATE t SET id = 9500 WHERE id = 3000", "INSERT OR REPLACE INTO t (id, a, b) VALUES (5, 'r', 2)");
        try (Engine e = OnlineDb.online(db, declared, "t", OnlineOptions.defaults()).engine().capChunks(300);
             Connection app = OnlineDb.open(db); Statement s = app.createStatement()) {
            e.recover();
            int step = 0;
            while (e.phase() != Progress.Phase.DONE) {
                e.step();
                if (step++ < writes.size()) s.execute(writes.get(step - 1));
            }
        }
        Path expected = expected(mirror, writes, declared);
        assertThat(OnlineDb.dump(db)).containsExactlyElementsOf(OnlineDb.dump(expected)).contains("integrity_check: [ok]");
    }

    @Test
    void aCrashAfterAnyStepIsResumedOrFinishedWithEveryKindOfIndex() throws Exception {
        Schema declared = OnlineDb.declared(AFTER);
        for (int crashAfter = 1; ; crashAfter++) {
            Path db = OnlineDb.create(dir.resolve("c" + crashAfter + ".db"), BEFORE);
            Path mirror = OnlineDb.copy(db, dir.resolve("m" + crashAfter + ".db"));
            Progress.Phase at;
            try (Engine e = OnlineDb.online(db, declared, "t", OnlineOptions.defaults()).engine().capChunks(1000);
                 Connection app = OnlineDb.open(db); Connection twin = OnlineDb.open(mirror)) {
                e.recover();
                for (int i = 0; i < crashAfter && e.phase() != Progress.Phase.DONE; i++) {
                    if (e.phase() != Progress.Phase.DRAIN) {
                        // a changed key in a handed-over index (a) and in the key-ordered one (u)
                        String w = "UPDATE t SET a = 'w" + i + "', u = 'w" + i + "' WHERE id = " + (i * 97 % 4000 + 1);
                        try (Statement s1 = app.createStatement(); Statement s2 = twin.createStatement()) {
                            s1.execute(w);
                            s2.execute(w);
                        }
                    }
                    e.step();
                }
                at = e.phase();
            } // the process dies here: nothing is cleaned up
            if (at == Progress.Phase.DONE) break;
            Recovery recovery = at == Progress.Phase.DRAIN ? OnlineRebuild.recover(db)
                    : OnlineDb.online(db, declared, "t", OnlineOptions.defaults()).run().recovery();
            assertThat(recovery).as("after step " + crashAfter).isInstanceOfAny(Recovery.Finished.class, Recovery.Resumed.class);
            Path expected = OnlineDb.rebuiltOffline(mirror, dir.resolve("e" + crashAfter + ".db"), declared);
            assertThat(OnlineDb.dump(db)).as("crash after step " + crashAfter + " (" + at + "), " + recovery.describe())
                    .containsExactlyElementsOf(OnlineDb.dump(expected));
            assertThat(OnlineDb.leftovers(db)).isFalse();
            for (Path f : List.of(db, mirror, dir.resolve("e" + crashAfter + ".db"))) OnlineDb.delete(f);
        }
    }

    @Test
    void aNullKeyWrittenDuringTheCopyMakesTheRebuildStartAgainWithThatIndexBuiltWithTheShadow() throws Exception {
        Path db = OnlineDb.create(dir.resolve("b.db"), BEFORE);
        Path mirror = OnlineDb.copy(db, dir.resolve("mirror.db"));
        Schema declared = OnlineDb.declared(AFTER);
        List<String> writes = List.of("UPDATE t SET u = 'moved' WHERE id = 10", "INSERT INTO t (id, a, b, c, u) VALUES (9000, 'x', 1, 'x', NULL)",
                "UPDATE t SET u = NULL WHERE id = 3999", "DELETE FROM t WHERE id = 20");
        try (Engine e = OnlineDb.online(db, declared, "t", OnlineOptions.defaults()).engine().capChunks(300);
             Connection app = OnlineDb.open(db); Statement s = app.createStatement()) {
            e.recover();
            e.step();
            for (int i = 0; i < 3; i++) e.step();
            for (String w : writes) s.execute(w);
            assertThat(names(db)).contains("table _liteshift_ix_t_u");
            boolean restarted = false;
            while (e.phase() != Progress.Phase.DONE) {
                e.step();
                if (e.phase() == Progress.Phase.SETUP) restarted = true;
                if (restarted && e.phase() == Progress.Phase.COPY) {
                    assertThat(names(db)).contains("index _liteshift_new_t_u").doesNotContain("table _liteshift_ix_t_u");
                }
            }
            assertThat(restarted).as("the rebuild started again").isTrue();
        }
        Path expected = expected(mirror, writes, declared);
        assertThat(OnlineDb.dump(db)).containsExactlyElementsOf(OnlineDb.dump(expected)).contains("integrity_check: [ok]");
        assertThat(OnlineDb.leftovers(db)).isFalse();
    }

    /** The offline rebuild of {@code mirror} after the application's {@code writes}. */
    private Path expected(Path mirror, List<String> writes, Schema declared) throws Exception {
        try (Connection c = OnlineDb.open(mirror); Statement s = c.createStatement()) {
            for (String w : writes) s.execute(w);
        }
        return OnlineDb.rebuiltOffline(mirror, dir.resolve("expected.db"), declared);
    }

    private static List<String> names(Path db) throws Exception {
        try (Connection c = OnlineDb.open(db); Statement s = c.createStatement()) {
            return OnlineDb.rows(s, "SELECT type || ' ' || name FROM sqlite_schema ORDER BY name");
        }
    }

    private static List<String> objects(Path db) throws Exception {
        try (Connection c = OnlineDb.open(db); Statement s = c.createStatement()) {
            return OnlineDb.rows(s, "SELECT type || ' ' || name || ' on ' || tbl_name FROM sqlite_schema ORDER BY name");
        }
    }
}
