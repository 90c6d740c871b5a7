package io.liteshift.online;

import io.liteshift.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash between any two steps (every step commits before the next begins, and a kill inside one is rolled back by
 * SQLite to the step before): the table stays complete and in use, and the next run resumes or finishes the work.
 */
class OnlineRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void afterACrashBetweenAnyTwoStepsTheNextRunResumesOrFinishesIt() throws Exception {
        Schema declared = OnlineDb.declared(OnlineRebuildTest.AFTER);
        int steps = stepsOfAWholeRun(declared);
        assertThat(steps).isGreaterThan(10);
        for (int crashAfter = 0; crashAfter <= steps; crashAfter++) {
            Path db = OnlineDb.create(dir.resolve("c" + crashAfter + ".db"), OnlineRebuildTest.BEFORE);
            Path mirror = OnlineDb.copy(db, dir.resolve("m" + crashAfter + ".db"));
            Progress.Phase at;
            try (Engine engine = OnlineDb.online(db, declared, "users", OnlineOptions.defaults()).engine().capChunks(400)) {
                engine.recover();
                for (int i = 0; i < crashAfter && engine.phase() != Progress.Phase.DONE; i++) {
                    if (engine.phase() != Progress.Phase.DRAIN) write(i, db, mirror);
                    engine.step();
                }
                at = engine.phase();
            } // the process dies here: nothing is cleaned up
            assertThat(OnlineDb.count(db, "SELECT count(*) FROM users")).as("complete and in use").isEqualTo(
                    OnlineDb.count(mirror, "SELECT count(*) FROM users"));
            Recovery recovery;
            if (at == Progress.Phase.DRAIN || at == Progress.Phase.DONE) {
                recovery = OnlineRebuild.recover(db);
                assertThat(recovery).isEqualTo(at == Progress.Phase.DRAIN ? new Recovery.Finished("users") : new Recovery.Nothing());
            } else {
                recovery = OnlineDb.online(db, declared, "users", OnlineOptions.defaults()).run().recovery();
                if (at == Progress.Phase.SETUP) assertThat(recovery).isEqualTo(new Recovery.Nothing());
                else assertThat(recovery).isInstanceOf(Recovery.Resumed.class);
            }
            Path expected = OnlineDb.copy(mirror, dir.resolve("e" + crashAfter + ".db"));
            OnlineDb.offline(expected, declared);
            assertThat(OnlineDb.dump(db)).as("crash after step " + crashAfter + " (" + at + "), " + recovery.describe())
                    .containsExactlyElementsOf(OnlineDb.dump(expected));
            assertThat(OnlineDb.leftovers(db)).isFalse();
        }
    }

    @Test
    void aLeftoverOfAnotherChangeIsRemovedAndSaidSo() throws Exception {
        Path db = OnlineDb.create(dir.resolve("other.db"), OnlineRebuildTest.BEFORE);
        List<String> before = OnlineDb.dump(db);
        try (Engine engine = OnlineDb.online(db, OnlineDb.declared(OnlineRebuildTest.AFTER), "users", OnlineOptions.defaults())
                .engine().capChunks(500)) {
            engine.recover();
            for (int i = 0; i < 3; i++) engine.step();
        }
        assertThat(OnlineRebuild.pending(db)).contains("users");
        Schema other = OnlineDb.declared(OnlineRebuildTest.AFTER.replace("CHECK (age >= 0)", "CHECK (age >= 0 AND age < 200)"));
        OnlineResult r = OnlineDb.online(db, other, "users", OnlineOptions.defaults()).run();
        assertThat(r.recovery()).isEqualTo(new Recovery.CleanedUp("users", "the table or the declared schema changed since"));
        assertThat(r.recovery().describe()).contains("removed an interrupted online rebuild of users");
        assertThat(OnlineDb.plan(db, other).isEmpty()).isTrue();
        assertThat(OnlineRebuild.pending(db)).isEmpty();
        assertThat(OnlineDb.count(db, "SELECT count(*) FROM users")).isEqualTo(before.stream().filter(l -> l.startsWith("users |")).count());
    }

    @Test
    void recoverAloneRemovesAHalfCopiedRebuild() throws Exception {
        Path db = OnlineDb.create(dir.resolve("alone.db"), OnlineRebuildTest.BEFORE);
        List<String> before = OnlineDb.dump(db);
        try (Engine engine = OnlineDb.online(db, OnlineDb.declared(OnlineRebuildTest.AFTER), "users", OnlineOptions.defaults())
                .engine().capChunks(500)) {
            engine.recover();
            for (int i = 0; i < 3; i++) engine.step();
        }
        assertThat(OnlineRebuild.recover(db)).isEqualTo(new Recovery.CleanedUp("users", "it was not resumed"));
        assertThat(OnlineDb.dump(db)).containsExactlyElementsOf(before);
        assertThat(OnlineRebuild.recover(db)).isEqualTo(new Recovery.Nothing());
    }

    /** The application's writes between two steps: one insert, one update of a copied row, one delete with cascade. */
    private static void write(int i, Path db, Path mirror) throws Exception {
        String sql = "INSERT INTO users (email, age) VALUES ('new" + i + "@x', " + i + ");"
                + "UPDATE users SET age = " + (i + 40) + " WHERE id = " + (1 + i * 7) + ";"
                + "DELETE FROM users WHERE id = " + (2 + i * 11) + ";";
        OnlineDb.exec(db, sql);
        OnlineDb.exec(mirror, sql);
    }

    private int stepsOfAWholeRun(Schema declared) throws Exception {
        Path db = OnlineDb.create(dir.resolve("count.db"), OnlineRebuildTest.BEFORE);
        try (Engine engine = OnlineDb.online(db, declared, "users", OnlineOptions.defaults()).engine().capChunks(400)) {
            engine.recover();
            int n = 0;
            while (engine.phase() != Progress.Phase.DONE) {
                engine.step();
                n++;
            }
            return n;
        }
    }
}
