package io.liteshift;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Several app instances pushing the same schema at boot: one applies it, the others find nothing to do. */
class ConcurrentPushTest {

    @TempDir
    Path dir;

    @RepeatedTest(3)
    void concurrentPushesApplyOnceAndLoseNothing() throws Exception {
        Path db = dir.resolve("app.db");
        Files.deleteIfExists(db);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
                    + "INSERT INTO users SELECT i, CASE WHEN i % 7 = 0 THEN NULL ELSE 'u' || i END FROM n");
            s.execute("INSERT INTO posts SELECT id, id FROM users");
        }
        Path schema = dir.resolve("schema.sql");
        Files.writeString(schema, """
                CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT 'anon');
                CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE);
                """);
        int instances = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        List<Future<PushResult>> results = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return LiteShift.push(db.toString(), schema, PushOptions.defaults());
            }));
        }
        start.countDown();
        int applied = 0;
        for (Future<PushResult> r : results) if (r.get().applied()) applied++; // get() rethrows any failure
        pool.shutdown();

        assertThat(applied).isEqualTo(1);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertThat(one(s, "SELECT count(*) FROM users")).isEqualTo(5000);
            assertThat(one(s, "SELECT count(*) FROM posts")).isEqualTo(5000);
            assertThat(one(s, "SELECT count(*) FROM users WHERE name = 'anon'")).isEqualTo(5000 / 7);
            assertThat(one(s, "SELECT count(*) FROM pragma_foreign_key_check")).isZero();
            assertThat(one(s, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'")).isZero();
        }
        assertThat(LiteShift.push(db.toString(), schema, PushOptions.defaults()).plan().isEmpty()).isTrue();
    }

    private static long one(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}
