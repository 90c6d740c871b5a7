package io.liteshift.sqlite;

import io.liteshift.Await;
import io.liteshift.LiteShiftException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How liteshift's read-only connections wait for another connection's lock, in rollback-journal mode. */
class ReaderWaitTest {
    @TempDir
    Path dir;

    /**
     * A writer that commits row after row holds its exclusive lock for most of the time: a reader asking only every
     * 100 ms (SQLite's busy timeout) misses the gaps for seconds; liteshift's readers get in at once.
     */
    @Test
    void aReaderGetsInBetweenTheCommitsOfAWriterThatNeverPauses() throws Exception {
        Path db = dir.resolve("busy.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)");
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong committed = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?busy_timeout=60000");
                 PreparedStatement ps = c.prepareStatement("INSERT INTO t (v) VALUES (randomblob(200))")) {
                while (!stop.get()) {
                    ps.executeUpdate(); // one transaction, and one journal with its fsyncs, per row
                    committed.incrementAndGet();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        writer.start();
        try {
            for (int i = 0; i < 20; i++) {
                long mark = committed.get();
                // each read begins while the writer is under way: it committed since the last read
                Await.until("the writer to commit", Duration.ofSeconds(30), () -> failure.get() != null || committed.get() > mark);
                long before = committed.get();
                try (Connection c = Databases.open(db, false, true, Duration.ofSeconds(5)); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).as("a committed count, read between two commits").isGreaterThanOrEqualTo(before);
                }
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(failure.get()).isNull();
    }

    /** It still gives up after the lock timeout, saying so, when the lock is never released. */
    @Test
    void aReaderGivesUpAfterTheLockTimeout() throws Exception {
        Path db = dir.resolve("held.db");
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = holder.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
            s.execute("BEGIN EXCLUSIVE");
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> Databases.open(db, false, true, Duration.ofMillis(300)))
                    .isInstanceOfSatisfying(LiteShiftException.class, e -> assertThat(e.getMessage())
                            .contains("another process kept the database locked for more than 300 ms", "Nothing was changed"));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(30));
            s.execute("COMMIT");
        }
    }
}
