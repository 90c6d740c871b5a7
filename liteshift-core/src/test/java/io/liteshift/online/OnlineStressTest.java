package io.liteshift.online;

import io.liteshift.Await;
import io.liteshift.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The copy rate on a large table, with a writer thread in this process (its own connection, SQLite's busy timeout, a
 * steady mix of inserts, updates and deletes), and the offline rebuild of the same table beside it. Slow: only with
 * {@code -Dliteshift.stress=true} ({@code -Dliteshift.stress.rows=N}, default 1,000,000). The benchmark with separate
 * processes is in bench/.
 */
@EnabledIfSystemProperty(named = "liteshift.stress", matches = "true")
class OnlineStressTest {
    private static final String BEFORE = """
            CREATE TABLE items (id INTEGER PRIMARY KEY, sku TEXT, price TEXT, qty INTEGER, note TEXT);
            CREATE INDEX items_sku ON items(sku);
            CREATE INDEX items_qty ON items(qty, price);
            CREATE TABLE lines (id INTEGER PRIMARY KEY, item_id INTEGER REFERENCES items(id) ON DELETE CASCADE, n INTEGER);
            CREATE INDEX lines_item ON lines(item_id);
            """;
    private static final String AFTER = """
            CREATE TABLE items (id INTEGER PRIMARY KEY, sku TEXT NOT NULL DEFAULT '', price REAL, qty INTEGER NOT NULL DEFAULT 0, note TEXT);
            CREATE INDEX items_sku ON items(sku);
            CREATE INDEX items_qty ON items(qty, price);
            CREATE TABLE lines (id INTEGER PRIMARY KEY, item_id INTEGER REFERENCES items(id) ON DELETE CASCADE, n INTEGER);
            CREATE INDEX lines_item ON lines(item_id);
            """;

    @TempDir
    Path dir;

    @Test
    void copiesALargeTableWhileAWriterKeepsWriting() throws Exception {
        long rows = Long.getLong("liteshift.stress.rows", 1_000_000);
        Path db = OnlineDb.create(dir.resolve("big.db"), BEFORE + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
                + rows + ") INSERT INTO items (sku, price, qty, note) SELECT 'sku-' || (i * 7919 % " + rows + "), (i % 1000) || '.5', i % 97,"
                + " 'note ' || i FROM n; INSERT INTO lines (item_id, n) SELECT id, 1 FROM items WHERE id % 50 = 0;");
        Schema declared = OnlineDb.declared(AFTER);
        Path offline = OnlineDb.copy(db, dir.resolve("offline.db"));
        long t0 = System.nanoTime();
        OnlineDb.offline(offline, declared);
        double offlineSeconds = (System.nanoTime() - t0) / 1e9;

        Writer writer = new Writer(db, rows);
        Thread thread = new Thread(writer, "writer");
        boolean writing = !"false".equals(System.getProperty("liteshift.stress.writer"));
        if (writing) {
            thread.start();
            Await.until("the writer's first writes", Duration.ofSeconds(30), () -> writer.latencies.size() > 20);
        } else {
            writer.latencies.add(0L);
        }
        OnlineResult r;
        String longestIn;
        try {
            OnlineOptions options = OnlineOptions.defaults();
            if (System.getProperty("liteshift.stress.maxLock") != null) {
                options = options.withMaxLock(Duration.ofMillis(Long.getLong("liteshift.stress.maxLock")));
            }
            try (Engine engine = OnlineDb.online(db, declared, "items", options).engine()) {
                r = engine.run();
                longestIn = engine.longestLockIn();
            }
        } finally {
            writer.stop.set(true);
            if (writing) thread.join();
        }
        List<Long> micros = new ArrayList<>(writer.latencies);
        Collections.sort(micros);
        double onlineSeconds = (r.copyTime().toNanos() + r.drainTime().toNanos()) / 1e9;
        System.out.printf(Locale.ROOT, "maxLock %s: online rebuild of %,d rows: copy+swap %.1f s (%,.0f rows/s), drain %.1f s, longest lock %d ms (in %s), %d chunks;"
                        + " offline %.1f s; ratio %.2f; writer: %d writes, max %.1f ms, p99 %.1f ms, p50 %.2f ms, failed %d%n",
                System.getProperty("liteshift.stress.maxLock", "default"), rows, r.copyTime().toNanos() / 1e9, r.rowsPerSecond(), r.drainTime().toNanos() / 1e9, r.longestLock().toMillis(), longestIn, r.chunks(),
                offlineSeconds, onlineSeconds / offlineSeconds, micros.size(), micros.get(micros.size() - 1) / 1000.0,
                micros.get((int) (micros.size() * 0.99)) / 1000.0, micros.get(micros.size() / 2) / 1000.0, writer.failures.size());
        assertThat(writer.failures).isEmpty();
        assertThat(OnlineDb.leftovers(db)).isFalse();
        assertThat(OnlineDb.count(db, "SELECT count(*) FROM items WHERE note LIKE 'written %'")).isEqualTo(writer.inserted);
        assertThat(OnlineDb.rows(DriverManager.getConnection("jdbc:sqlite:" + db).createStatement(), "PRAGMA integrity_check")).containsExactly("ok");
    }

    /** An application writer: about 500 writes a second, each timed; every insert it commits must be there afterwards. */
    static final class Writer implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final Path db;
        private final long rows;
        volatile long inserted;

        Writer(Path db, long rows) {
            this.db = db;
            this.rows = rows;
        }

        @Override
        public void run() {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("PRAGMA foreign_keys = ON");
                PreparedStatement insert = c.prepareStatement("INSERT INTO items (sku, price, qty, note) VALUES (?, '1.5', 3, ?)");
                PreparedStatement update = c.prepareStatement("UPDATE items SET qty = qty + 1 WHERE id = ?");
                PreparedStatement delete = c.prepareStatement("DELETE FROM items WHERE id = ?");
                Random random = new Random(7);
                long next = System.nanoTime();
                for (int i = 0; !stop.get(); i++) {
                    long start = System.nanoTime();
                    try {
                        switch (i % 3) {
                            case 0 -> {
                                insert.setString(1, "w" + i);
                                insert.setString(2, "written " + i);
                                insert.executeUpdate();
                                inserted++;
                            }
                            case 1 -> {
                                update.setLong(1, 1 + random.nextInt((int) rows));
                                update.executeUpdate();
                            }
                            default -> {
                                delete.setLong(1, 1 + random.nextInt((int) rows));
                                delete.executeUpdate();
                            }
                        }
                    } catch (SQLException e) {
                        failures.add(e.getMessage());
                    }
                    latencies.add((System.nanoTime() - start) / 1000);
                    next += 2_000_000; // 500 a second
                    long wait = next - System.nanoTime();
                    if (wait > 0) LockSupport.parkNanos(wait);
                }
            } catch (SQLException e) {
                failures.add(e.getMessage());
            }
        }
    }
}
