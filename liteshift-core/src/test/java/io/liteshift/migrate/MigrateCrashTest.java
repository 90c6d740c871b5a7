package io.liteshift.migrate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code migrate} process killed with SIGKILL at random points of a multi-migration run (a crash, an OOM kill, a
 * machine stopped mid-deploy) must leave the database exactly at the boundary of the last committed migration:
 * journal 1..k, the schema and the rows of migration k, a sound file. A later run must then complete it.
 * <p>
 * The kills form chains: each new process continues the database the previous one left (a new chain starts when
 * one completes or a kill made no progress), so kills land early and late in the run, and in the middle of
 * migrations (in rollback-journal mode a kill there leaves a hot journal, which the next opener rolls back). After every kill the state is checked, and a copy of it is migrated to the
 * end in-process and verified. The first run of each mode is not killed: it shows that a new process completes,
 * and its log gives the migrations' durations, from which the kill delays are drawn.
 * <p>
 * {@code -Dliteshift.crash.seed} replays the delays of a run (its seed is printed); {@code -Dliteshift.crash.kills}
 * (default 10 per journal mode), {@code -Dliteshift.migrate.migrations} (20) and {@code -Dliteshift.migrate.rows}
 * (20000) size it.
 */
class MigrateCrashTest {
    static final int KILLS = Integer.getInteger("liteshift.crash.kills", 10);
    static final long SEED = Long.getLong("liteshift.crash.seed", System.currentTimeMillis());
    private static final Duration LONG_WAIT = Duration.ofMinutes(2);

    @TempDir
    static Path shared;
    static Workload workload;

    @TempDir
    Path work;

    @AfterEach
    void noProcessLeftBehind() throws InterruptedException {
        MigrateProcess.killAll();
    }

    @BeforeAll
    static void writeMigrations() {
        System.out.println("MigrateCrashTest seed=" + SEED + " (replay the delays with -Dliteshift.crash.seed=" + SEED + ")");
        workload = Workload.write(shared.resolve("migrations"), MigrateProcessesTest.MIGRATIONS, MigrateProcessesTest.ROWS, 0, 0);
    }

    /** What one kill found. */
    record Kill(long delayMs, int from, int k, int logged, boolean hotJournal, long walBytes) {
        @Override
        public String toString() {
            return "kill after " + delayMs + " ms: " + from + " -> " + k + " (logged " + logged + ")" + (hotJournal ? " (hot journal)" : "")
                    + (walBytes > 0 ? " (wal " + walBytes / 1024 + " KiB)" : "");
        }
    }

    @ParameterizedTest(name = "journal_mode={0}")
    @ValueSource(strings = {"DELETE", "WAL"})
    void aKilledMigrateLeavesTheDatabaseAtAMigrationBoundaryAndARerunCompletesIt(String mode) throws Exception {
        Random random = new Random(SEED ^ mode.hashCode());
        long t0 = System.nanoTime();
        int chain = 0;
        Path db = fresh(mode, chain);
        int round = 0;
        MigrateProcess next = start(round);

        // a first, uninterrupted run: a new process completes, and says how long each migration takes
        MigrateProcess first = next;
        first.awaitReady(LONG_WAIT);
        next = start(++round);
        next.awaitReady(LONG_WAIT); // not competing with a JVM start for the cores: the durations are the real ones
        first.go(db);
        assertThat(first.awaitExit(LONG_WAIT)).as("%s", first).isZero();
        workload.assertComplete(db);
        Map<Integer, Long> millis = first.loggedMillis();
        assertThat(millis).as("migrations logged as applied by %s", first).hasSize(workload.count());
        long startup = Math.max(1, Long.parseLong(first.field("end")) - Long.parseLong(first.field("start"))
                - millis.values().stream().mapToLong(Long::longValue).sum());

        List<Kill> kills = new ArrayList<>();
        long checking = 0;
        long rerunning = 0;
        int completed = 1;
        db = fresh(mode, ++chain);
        while (kills.size() < KILLS) {
            assertThat(round).as("rounds for %d kills", KILLS).isLessThan(KILLS * 4);
            int from = version(db);
            long delay = delay(random, from, startup, millis);
            MigrateProcess p = next;
            p.awaitReady(LONG_WAIT);
            p.go(db);
            p.process.waitFor(delay, TimeUnit.MILLISECONDS); // the kill moment, or the end of the run if it comes first
            boolean killed = p.kill();
            next = start(++round); // warms up while this round is checked
            if (!killed) {
                assertThat(p.process.exitValue()).as("%s", p).isZero();
                workload.assertComplete(db);
                completed++;
                db = fresh(mode, ++chain);
                continue;
            }
            boolean hot = mode.equals("DELETE") && Files.exists(sibling(db, "-journal")) && Files.size(sibling(db, "-journal")) > 0;
            long wal = Files.exists(sibling(db, "-wal")) ? Files.size(sibling(db, "-wal")) : 0;
            int logged = Math.max(from, p.lastLoggedApplied());
            long c0 = System.nanoTime();
            int k = workload.assertAtBoundary(db);
            checking += System.nanoTime() - c0;
            assertThat(k).as("every migration committed before the kill survived it:\n%s", p).isGreaterThanOrEqualTo(logged);
            assertThat(k).as("at most the one it was committing when killed:\n%s", p).isLessThanOrEqualTo(logged + 1);
            kills.add(new Kill(delay, from, k, logged, hot, wal));
            long r0 = System.nanoTime();
            rerunToTheEnd(db, round);
            rerunning += System.nanoTime() - r0;
            // a kill that made no progress starts a new chain, so that no chain spends its kills in one long migration
            if (k == workload.count() || k == from) db = fresh(mode, ++chain);
        }
        next.kill();
        long took = (System.nanoTime() - t0) / 1_000_000;

        System.out.printf("MigrateCrashTest %s seed=%d: %d kills, %d uninterrupted runs, %d hot journals; %d ms (checks after the"
                        + " kills %d ms, reruns %d ms)%n  %s%n", mode, SEED, kills.size(), completed, kills.stream().filter(Kill::hotJournal).count(),
                took, checking / 1_000_000, rerunning / 1_000_000,
                String.join("\n  ", kills.stream().map(Kill::toString).toList()));
        if (mode.equals("DELETE")) {
            assertThat(kills).as("kills in the middle of a migration (a hot journal left behind)").anyMatch(Kill::hotJournal);
        }
    }

    /**
     * One kill in eight lands in the first milliseconds (opening, reading the history); the others at a random
     * point of a migration drawn uniformly from those still pending, so that every kind of migration gets killed,
     * long or short, not mostly the longest.
     */
    private long delay(Random random, int from, long startup, Map<Integer, Long> millis) {
        if (random.nextInt(8) == 0) return random.nextInt(3);
        int target = from + 1 + random.nextInt(workload.count() - from);
        long before = millis.entrySet().stream().filter(e -> e.getKey() > from && e.getKey() < target).mapToLong(Map.Entry::getValue).sum();
        return startup + before + (long) (random.nextDouble() * millis.get(target));
    }

    /** A copy of the recovered database, migrated to the end in-process: the next boot completes what the killed one began. */
    private void rerunToTheEnd(Path db, int round) throws Exception {
        Path copy = work.resolve("rerun-" + round + ".db");
        Files.copy(db, copy);
        if (Files.exists(sibling(db, "-wal"))) Files.copy(sibling(db, "-wal"), sibling(copy, "-wal"));
        MigrateResult r = workload.liteshift(copy, LONG_WAIT).migrate();
        assertThat(r.version()).isEqualTo(workload.count());
        assertThat(workload.liteshift(copy, LONG_WAIT).verify()).as("verify after the rerun").isEmpty();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
            assertThat(Workload.fingerprint(c)).as("rows after the rerun").isEqualTo(workload.fingerprints().get(workload.count()));
        }
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) Files.deleteIfExists(sibling(copy, suffix));
    }

    private MigrateProcess start(int round) {
        return MigrateProcess.start(work, "migrate-" + round, workload.dir(), LONG_WAIT, work.resolve("go-" + round));
    }

    /** A new empty database for the next chain of kills; the previous chain's files go (they are large). */
    private Path fresh(String mode, int chain) throws Exception {
        if (chain > 0) {
            Path previous = work.resolve("chain-" + (chain - 1) + ".db");
            for (String suffix : List.of("", "-wal", "-shm", "-journal")) Files.deleteIfExists(sibling(previous, suffix));
        }
        Path db = work.resolve("chain-" + chain + ".db");
        Workload.create(db, mode);
        return db;
    }

    private static int version(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            return Journal.read(c).stream().mapToInt(AppliedMigration::version).max().orElse(0);
        }
    }

    private static Path sibling(Path db, String suffix) {
        return db.resolveSibling(db.getFileName() + suffix);
    }
}
