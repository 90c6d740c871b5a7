package io.liteshift.online;

import io.liteshift.Await;
import io.liteshift.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OnlineRebuild#run()} as it runs in production, with its pauses and checkpoints, while an application thread
 * writes as fast as it can. The writer is the only one, so replaying its committed writes in their order on a copy
 * taken before gives the final contents, and the offline rebuild of that copy is the expected result.
 */
class OnlineConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void aRebuildUnderAConstantWriterEqualsTheOfflineRebuildOfWhatTheWriterLeft() throws Exception {
        Path db = OnlineDb.create(dir.resolve("busy.db"), OnlineRebuildTest.BEFORE.replace("i < 3000", "i < 20000"));
        Path mirror = OnlineDb.copy(db, dir.resolve("mirror.db"));
        Schema declared = OnlineDb.declared(OnlineRebuildTest.AFTER);
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> committed = new ConcurrentLinkedQueue<>();
        List<String> failed = new ArrayList<>();
        Thread writer = new Thread(() -> {
            Random r = new Random(42);
            try (Connection c = OnlineDb.open(db); Statement s = c.createStatement()) {
                for (int i = 0; !stop.get(); i++) {
                    int id = 1 + r.nextInt(20_500);
                    String sql = switch (i % 4) {
                        case 0 -> "INSERT INTO users (email, age) VALUES ('live" + i + "@x', " + r.nextInt(90) + ")";
                        case 1 -> "UPDATE users SET age = " + r.nextInt(90) + ", email = 'moved" + i + "@x' WHERE id = " + id;
                        case 2 -> "DELETE FROM users WHERE id = " + id; // cascades to posts, fires users_audit
                        default -> "UPDATE users SET id = " + (30_000 + i) + " WHERE id = " + id; // a new rowid
                    };
                    try {
                        s.execute(sql);
                        committed.add(sql);
                    } catch (SQLException e) {
                        synchronized (failed) {
                            failed.add(sql + ": " + e.getMessage());
                        }
                    }
                }
            } catch (SQLException e) {
                synchronized (failed) {
                    failed.add(e.getMessage());
                }
            }
        }, "application");
        writer.start();
        Await.until("the application's first writes", Duration.ofSeconds(30), () -> committed.size() > 10);
        OnlineResult r;
        int during;
        try {
            r = OnlineDb.online(db, declared, "users", OnlineOptions.defaults()).run();
            during = committed.size();
        } finally {
            stop.set(true);
            writer.join();
        }
        // the application's own failures (a changed id that posts still reference) are its own; none waited too long
        assertThat(failed).noneMatch(f -> f.contains("locked") || f.contains("BUSY")).allMatch(f -> f.contains("FOREIGN KEY"));
        assertThat(during).as("writes while the rebuild ran").isGreaterThan(100);
        assertThat(r.chunks()).isGreaterThan(1);

        // the writes after the swap went to the new table: replay them on the mirror in order, then rebuild offline
        try (Connection c = OnlineDb.open(mirror); Statement s = c.createStatement()) {
            for (String sql : committed) s.execute(sql);
        }
        Path expected = OnlineDb.copy(mirror, dir.resolve("expected.db"));
        OnlineDb.offline(expected, declared);
        // the AUTOINCREMENT counter aside: the offline oracle takes it after every write, but SQLite raises it on INSERT
        // only, so a write after the swap that moves a row to a higher id leaves the online counter lower, as it would
        // leave any counter (the property test, whose writes all come before the swap, compares it too)
        assertThat(withoutCounter(OnlineDb.dump(db))).containsExactlyElementsOf(withoutCounter(OnlineDb.dump(expected)));
        assertThat(OnlineDb.count(db, "SELECT seq >= (SELECT max(id) FROM users WHERE id < 30000) FROM sqlite_sequence WHERE name = 'users'"))
                .isEqualTo(1);
        assertThat(OnlineDb.leftovers(db)).isFalse();
    }

    private static List<String> withoutCounter(List<String> dump) {
        return dump.stream().filter(l -> !l.startsWith("sqlite_sequence | users'")).toList();
    }
}
