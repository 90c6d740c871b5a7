package io.liteshift.migrate;

import io.liteshift.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several application instances, each its own JVM, run {@code migrate} on one database file at the same instant,
 * as a fleet does when a deploy starts every machine at once. Each migration must run exactly once, no instance may
 * fail on the lock, and the file must end exactly where the migrations say.
 * <p>
 * Sizes: {@code -Dliteshift.migrate.processes} (default 4), {@code -Dliteshift.migrate.migrations} (20),
 * {@code -Dliteshift.migrate.rows} (rows per bulk migration, 20000), {@code -Dliteshift.migrate.slowRows} (rows of
 * the long migration the lock-timeout case waits on, 300000).
 */
class MigrateProcessesTest {
    static final int PROCESSES = Integer.getInteger("liteshift.migrate.processes", 4);
    static final int MIGRATIONS = Integer.getInteger("liteshift.migrate.migrations", 20);
    static final int ROWS = Integer.getInteger("liteshift.migrate.rows", 20_000);
    private static final Duration LONG_WAIT = Duration.ofMinutes(2);

    @TempDir
    static Path shared;
    static Workload workload;
    /** Seven migrations, the fifth of which holds the write lock for a second or more; written by the first test that needs it. */
    static Workload slow;

    @TempDir
    Path work;

    @AfterEach
    void noProcessLeftBehind() throws InterruptedException {
        MigrateProcess.killAll();
    }

    @BeforeAll
    static void writeMigrations() {
        workload = Workload.write(shared.resolve("migrations"), MIGRATIONS, ROWS, 0, 0);
    }

    @ParameterizedTest(name = "journal_mode={0}")
    @ValueSource(strings = {"DELETE", "WAL"})
    void processesStartedTogetherApplyEveryMigrationExactlyOnce(String mode) throws Exception {
        Path db = work.resolve("app.db");
        // in rollback-journal mode the processes also race to create the file; WAL has to be set on a file first
        if (mode.equals("WAL")) Workload.create(db, mode);
        Path go = work.resolve("go");
        List<MigrateProcess> fleet = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) fleet.add(MigrateProcess.start(work, "instance-" + i, workload.dir(), LONG_WAIT, go));
        for (MigrateProcess p : fleet) p.awaitReady(Duration.ofSeconds(60));
        long t0 = System.nanoTime();
        MigrateProcess.go(go, db);
        for (MigrateProcess p : fleet) {
            int exit = p.awaitExit(LONG_WAIT);
            assertThat(exit).as("%s", p).isZero();
            assertThat(p.stdout() + p.stderr()).as("%s", p).doesNotContainIgnoringCase("locked");
            assertThat(p.field("version")).as("%s", p).isEqualTo(String.valueOf(MIGRATIONS));
            assertThat(p.field("drift")).as("%s", p).isEqualTo("0");
        }
        long took = (System.nanoTime() - t0) / 1_000_000;

        // every process really ran migrate at the same time as every other
        long lastStart = fleet.stream().mapToLong(p -> Long.parseLong(p.field("start"))).max().orElseThrow();
        long firstEnd = fleet.stream().mapToLong(p -> Long.parseLong(p.field("end"))).min().orElseThrow();
        assertThat(lastStart).as("the last process started before the first finished").isLessThan(firstEnd);

        // what the processes say they applied adds up to each migration once
        TreeMap<Integer, String> appliedBy = new TreeMap<>();
        for (MigrateProcess p : fleet) {
            for (int v : versions(p.field("applied"))) {
                assertThat(appliedBy.put(v, p.name)).as("migration %d reported applied by %s and %s", v, appliedBy.get(v), p.name).isNull();
            }
        }
        assertThat(appliedBy.keySet()).hasSize(MIGRATIONS).first().isEqualTo(1);

        workload.assertComplete(db);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertThat(Workload.count(c, "SELECT count(DISTINCT applied_by) FROM " + Journal.TABLE)).isBetween(1L, (long) PROCESSES);
            assertThat(Workload.strings(c, "PRAGMA journal_mode")).containsExactly(mode.toLowerCase());
        }
        System.out.printf("MigrateProcessesTest %s: %d processes, %d migrations, %d rows per bulk step: %d ms from start signal to"
                + " the last exit; applied by %s%n", mode, PROCESSES, MIGRATIONS, ROWS, took, summary(appliedBy));
    }

    /**
     * A waiter with a short lock timeout, arriving while another process is in a long migration, gives up with a
     * message that says why, and changes nothing. The holder is then killed in that migration, so the database must
     * be exactly at the boundary the holder committed before it, with every journal row written by the holder.
     */
    @ParameterizedTest(name = "journal_mode={0}")
    @ValueSource(strings = {"DELETE", "WAL"})
    void aWaiterThatRunsOutOfLockTimeGivesUpAndChangesNothing(String mode) throws Exception {
        int slowVersion = 5;
        if (slow == null) {
            slow = Workload.write(shared.resolve("slow-migrations"), 7, ROWS / 4, slowVersion, Integer.getInteger("liteshift.migrate.slowRows", 300_000));
        }
        Path db = work.resolve("app.db");
        Workload.create(db, mode);
        MigrateProcess holder = MigrateProcess.start(work, "holder", slow.dir(), LONG_WAIT, work.resolve("go-holder"));
        MigrateProcess waiter = MigrateProcess.start(work, "waiter", slow.dir(), Duration.ofMillis(100), work.resolve("go-waiter"));
        holder.awaitReady(Duration.ofSeconds(60));
        waiter.awaitReady(Duration.ofSeconds(60));
        holder.go(db);
        Await.until("the holder to reach " + (slowVersion - 1), LONG_WAIT, () -> {
            assertThat(holder.process.isAlive()).as("%s", holder).isTrue();
            return holder.lastLoggedApplied() >= slowVersion - 1;
        }, holder::toString);
        waiter.go(db); // the holder is now inside the slow migration, holding the write lock
        int waiterExit = waiter.awaitExit(LONG_WAIT);
        boolean holderKilled = holder.kill();

        assertThat(waiterExit).as("%s", waiter).isEqualTo(1);
        assertThat(waiter.stdout()).as("%s", waiter).contains("FAILED FAILED", "another process kept the database locked for more than 100 ms",
                "Nothing was changed", "lock timeout").doesNotContain("Fix the migration", "liteshift hash");
        assertThat(holderKilled).as("the holder was still in migration %d when the waiter gave up:\n%s", slowVersion, holder).isTrue();
        int k = slow.assertAtBoundary(db);
        assertThat(k).as("the waiter gave up and the holder was killed in %d", slowVersion).isEqualTo(slowVersion - 1);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertThat(Workload.count(c, "SELECT count(DISTINCT applied_by) FROM " + Journal.TABLE)).isOne();
        }
        // the next boot completes it
        MigrateResult r = slow.liteshift(db, LONG_WAIT).migrate();
        assertThat(r.applied()).extracting(AppliedMigration::version).containsExactly(5, 6, 7);
        slow.assertComplete(db);
        System.out.printf("MigrateProcessesTest %s: migration %d holds the lock for %d ms; the waiter gave up with:%n  %s%n", mode,
                slowVersion, r.applied().get(0).took().toMillis(),
                String.join("\n  ", waiter.stdout().lines().filter(l -> !l.equals("READY")).toList()));
    }

    private static List<Integer> versions(String csv) {
        if (csv == null || csv.isEmpty()) return List.of();
        return Arrays.stream(csv.split(",")).map(Integer::parseInt).toList();
    }

    private static String summary(TreeMap<Integer, String> appliedBy) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        appliedBy.values().forEach(n -> counts.merge(n, 1, Integer::sum));
        return counts.toString();
    }
}
