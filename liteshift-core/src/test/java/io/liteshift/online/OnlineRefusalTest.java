package io.liteshift.online;

import io.liteshift.Interrupted;
import io.liteshift.schema.Schema;
import io.liteshift.sqlite.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way an online rebuild stops before the swap leaves the table as it was, in use, and nothing of its own behind. */
class OnlineRefusalTest {
    @TempDir
    Path dir;

    @Test
    void aLiveWriteThatBreaksTheDeclaredSchemaStopsTheRebuildAndNamesTheRow() throws Exception {
        Path db = OnlineDb.create(dir.resolve("a.db"), OnlineRebuildTest.BEFORE);
        Schema declared = OnlineDb.declared(OnlineRebuildTest.AFTER);
        Path mirror = OnlineDb.copy(db, dir.resolve("mirror.db"));
        String duplicate = "INSERT INTO users (id, email, age) VALUES (5000, 'u1@x', 30)"; // u1@x was copied in the first chunk
        OnlineRefusal refusal = null;
        try (Engine engine = OnlineDb.online(db, declared, "users", OnlineOptions.defaults()).engine().capChunks(100)) {
            engine.recover();
            for (int i = 0; i < 5; i++) engine.step();
            assertThat(engine.phase()).isEqualTo(Progress.Phase.COPY);
            OnlineDb.exec(db, duplicate);
            OnlineDb.exec(mirror, duplicate);
            try {
                while (engine.phase() != Progress.Phase.DONE) engine.step();
            } catch (OnlineRefusal e) {
                refusal = e;
            }
        }
        assertThat(refusal).isNotNull();
        assertThat(refusal.kind()).isEqualTo(OnlineRefusal.Kind.VIOLATION);
        assertThat(refusal.rowid()).contains(5000L);
        assertThat(refusal.constraint()).contains("UNIQUE constraint failed: users.email");
        assertThat(refusal.getMessage()).contains("the row with rowid 5000 (id = 5000)", "users is as it was and in use",
                "Fix that row (or the declared schema)");
        assertThat(OnlineDb.leftovers(db)).isFalse();
        assertThat(OnlineDb.dump(db)).containsExactlyElementsOf(OnlineDb.dump(mirror));
        OnlineDb.exec(db, "INSERT INTO users (email) VALUES ('after@x')"); // in use, and no capture trigger left to fire
        assertThat(OnlineDb.count(db, "SELECT count(*) FROM users WHERE email = 'after@x'")).isEqualTo(1);
    }

    @Test
    void rowsThatBreakANewForeignKeyAreRefusedWithTheirRowids() throws Exception {
        Path db = OnlineDb.create(dir.resolve("fk.db"), """
                CREATE TABLE teams (id INTEGER PRIMARY KEY);
                INSERT INTO teams VALUES (1), (2);
                CREATE TABLE members (id INTEGER PRIMARY KEY, team INTEGER);
                INSERT INTO members (team) VALUES (1), (2), (7), (1), (9);
                """);
        List<String> before = OnlineDb.dump(db);
        Schema declared = OnlineDb.declared("""
                CREATE TABLE teams (id INTEGER PRIMARY KEY);
                CREATE TABLE members (id INTEGER PRIMARY KEY, team INTEGER REFERENCES teams(id));
                """);
        assertThatThrownBy(() -> OnlineDb.online(db, declared, "members", OnlineOptions.defaults()).run())
                .isInstanceOfSatisfying(OnlineRefusal.class, e -> assertThat(e.kind()).isEqualTo(OnlineRefusal.Kind.VIOLATION))
                .hasMessageContaining("2 row(s) of members reference no row of teams (rowid 3, 5)")
                .hasMessageContaining("members is as it was and in use");
        assertThat(OnlineDb.dump(db)).containsExactlyElementsOf(before);
        assertThat(OnlineDb.leftovers(db)).isFalse();
    }

    @Test
    void aRollbackJournalDatabaseIsRefusedWithTheFix() throws Exception {
        Path db = dir.resolve("journal.db");
        try (Connection c = Databases.open(db, true, false); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            s.execute("INSERT INTO t (v) VALUES ('a'), ('b')");
        }
        List<String> before = OnlineDb.dump(db);
        Schema declared = OnlineDb.declared("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL DEFAULT '')");
        assertThatThrownBy(() -> OnlineDb.online(db, declared, "t", OnlineOptions.defaults()).run())
                .isInstanceOfSatisfying(OnlineRefusal.class, e -> assertThat(e.kind()).isEqualTo(OnlineRefusal.Kind.NOT_WAL))
                .hasMessageContaining("refused the online rebuild of t: an online rebuild needs WAL mode, and " + db
                        + " is in rollback-journal mode (journal_mode=delete)")
                .hasMessageContaining("'PRAGMA journal_mode=WAL'")
                .hasMessageContaining("rebuild offline (without --online")
                .hasMessageContaining("Nothing was changed");
        assertThat(OnlineDb.dump(db)).containsExactlyElementsOf(before);
        assertThat(OnlineDb.leftovers(db)).isFalse();
    }

    @Test
    void aWithoutRowidTableIsRefused() throws Exception {
        Path db = OnlineDb.create(dir.resolve("wr.db"), "CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID; INSERT INTO kv VALUES ('a', '1')");
        List<String> before = OnlineDb.dump(db);
        Schema declared = OnlineDb.declared("CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER) WITHOUT ROWID");
        assertThatThrownBy(() -> OnlineDb.online(db, declared, "kv", OnlineOptions.defaults()).run())
                .isInstanceOfSatisfying(OnlineRefusal.class, e -> assertThat(e.kind()).isEqualTo(OnlineRefusal.Kind.WITHOUT_ROWID))
                .hasMessageContaining("kv is WITHOUT ROWID")
                .hasMessageContaining("Rebuild it offline");
        assertThat(OnlineDb.dump(db)).containsExactlyElementsOf(before);
    }

    @Test
    void aStopRemovesEverythingTheRebuildMade() throws Exception {
        Path db = OnlineDb.create(dir.resolve("stop.db"), OnlineRebuildTest.BEFORE);
        List<String> before = OnlineDb.dump(db);
        Schema declared = OnlineDb.declared(OnlineRebuildTest.AFTER);
        int[] chunks = {0};
        OnlineOptions stopAtThird = OnlineOptions.defaults().withMaxLock(Duration.ofMillis(1)).withProgress(p -> {
            if (p.phase() == Progress.Phase.COPY && ++chunks[0] == 3) Thread.currentThread().interrupt(); // as an application shutting down
        });
        try {
            assertThatThrownBy(() -> OnlineDb.online(db, declared, "users", stopAtThird).run())
                    .isInstanceOf(Interrupted.class)
                    .hasMessageContaining("interrupted during the online rebuild of users")
                    .hasMessageContaining("users is as it was and in use; the shadow table, triggers and change log were removed");
        } finally {
            Thread.interrupted();
        }
        assertThat(chunks[0]).isEqualTo(3);
        assertThat(OnlineDb.dump(db)).containsExactlyElementsOf(before);
        assertThat(OnlineDb.leftovers(db)).isFalse();
    }

    @Test
    void aWriteLockHeldLongerThanTheLockTimeoutStopsTheRebuildCleanly() throws Exception {
        Path db = OnlineDb.create(dir.resolve("held.db"), OnlineRebuildTest.BEFORE);
        List<String> before = OnlineDb.dump(db);
        Schema declared = OnlineDb.declared(OnlineRebuildTest.AFTER);
        OnlineOptions shortWait = OnlineOptions.defaults().withLockTimeout(Duration.ofMillis(200));
        try (Engine engine = OnlineDb.online(db, declared, "users", shortWait).engine().capChunks(100);
             Connection holder = OnlineDb.open(db); Statement s = holder.createStatement()) {
            engine.recover();
            engine.step(); // set up
            engine.step(); // a first chunk
            s.execute("BEGIN IMMEDIATE"); // an application transaction that does not end
            assertThatThrownBy(engine::step)
                    .isInstanceOfSatisfying(OnlineRefusal.class, e -> assertThat(e.kind()).isEqualTo(OnlineRefusal.Kind.LOCK_STARVED))
                    .hasMessageContaining("kept the database locked for more than 200 ms");
            s.execute("ROLLBACK");
        }
        assertThat(OnlineDb.leftovers(db)).as("the removal waits for the lock too: left to the next run").isTrue();
        assertThat(OnlineRebuild.recover(db)).isInstanceOf(Recovery.CleanedUp.class);
        assertThat(OnlineDb.dump(db)).containsExactlyElementsOf(before);
        assertThat(OnlineDb.leftovers(db)).isFalse();
    }
}
