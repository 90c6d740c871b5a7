package io.liteshift.online;

import io.liteshift.LiteShiftException;
import io.liteshift.schema.Schema;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The online rebuild, driven step by step with the application's writes between the steps (rows the copier has and
 * has not reached, changed rowids, cascading deletes, REPLACE conflicts, upserts), against liteshift's offline rebuild
 * of a mirror that took the same writes: same schema texts, rows with rowids, sqlite_sequence, integrity_check and
 * foreign_key_check, or the same refusal with the table as it was and nothing left behind.
 */
class OnlinePropertyTest {

    @Property(tries = 100)
    void theOnlineResultIsTheOfflineResultOfTheFinalContents(@ForAll long seed) throws Exception {
        OnlineScenario s = OnlineScenario.of(seed);
        Path dir = Files.createTempDirectory("liteshift-online");
        try {
            Statistics.label("outcome").collect(check(s, dir));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.delete(f);
            }
            Files.delete(dir);
        }
    }

    private static String check(OnlineScenario s, Path dir) throws Exception {
        Path db = OnlineDb.create(dir.resolve("online.db"), s.before());
        Path mirror = OnlineDb.copy(db, dir.resolve("mirror.db"));
        Schema declared = OnlineDb.declared(s.after());
        Assume.that(OnlineDb.plan(db, declared).rebuilds().stream().anyMatch(m -> m.from().name().equals("t")));

        List<OnlineScenario.Write> due = new ArrayList<>(s.writes());
        LiteShiftException refused = null;
        try (Connection app = OnlineDb.open(db); Connection twin = OnlineDb.open(mirror);
             Engine engine = OnlineDb.online(db, declared, "t", OnlineOptions.defaults()).engine().capChunks(s.chunk())) {
            engine.recover();
            int step = 0;
            while (engine.phase() != Progress.Phase.DONE) {
                boolean swapNext = engine.phase() == Progress.Phase.CUT_OVER;
                for (var it = due.iterator(); it.hasNext(); ) {
                    OnlineScenario.Write w = it.next();
                    if (w.step() <= step || swapNext) {
                        assertThat(outcome(app, w.sql())).as(w.sql()).isEqualTo(outcome(twin, w.sql()));
                        it.remove();
                    }
                }
                try {
                    engine.step();
                } catch (LiteShiftException e) {
                    refused = e;
                    break;
                }
                step++;
                assertThat(step).as("steps").isLessThan(100_000);
            }
        }
        Path expected = OnlineDb.copy(mirror, dir.resolve("expected.db"));
        LiteShiftException offlineRefused = null;
        try {
            OnlineDb.offline(expected, declared);
        } catch (LiteShiftException e) {
            offlineRefused = e;
        }
        assertThat(OnlineDb.leftovers(db)).as("nothing of the online rebuild is left").isFalse();
        if (offlineRefused != null) {
            assertThat(refused).as("offline refused: " + offlineRefused.getMessage()).isInstanceOf(OnlineRefusal.class);
            assertThat(((OnlineRefusal) refused).kind()).isEqualTo(OnlineRefusal.Kind.VIOLATION);
            assertThat(OnlineDb.dump(db)).as("the table is as it was").containsExactlyElementsOf(OnlineDb.dump(mirror));
            return "refused";
        }
        if (refused != null) throw new AssertionError("refused online, not offline:\n" + s, refused);
        assertThat(OnlineDb.dump(db)).as(s.toString()).containsExactlyElementsOf(OnlineDb.dump(expected));
        return s.writes().isEmpty() ? "rebuilt" : "rebuilt with writes";
    }

    /**
     * Whether a write worked, or the error SQLite gave: the same on the database and its mirror. Not the count: the
     * driver counts rows that triggers write too (total_changes), so the capture's log rows are in it.
     */
    static String outcome(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            return "ok";
        } catch (SQLException e) {
            return "failed: " + e.getMessage();
        }
    }
}
