package io.liteshift.bench;

import io.liteshift.LiteShift;
import io.liteshift.migrate.MigrationDirectory;
import io.liteshift.migrate.MigrateResult;
import org.flywaydb.core.Flyway;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.Callable;

/**
 * Where a no-op migrate spends its time in a fresh JVM, phase by phase, with simple timers: what the whole-process
 * benchmark cannot separate (the JVM's own start is measured there, as a bare main). Run once per tool in a new
 * JVM (bench/migrate.sh --profile does):
 * <ol>
 *   <li>the SQLite driver: the first connection loads sqlite-jdbc and its native library, same for both tools;</li>
 *   <li>liteshift: reading and checking the directory cold (500 files hashed, the integrity chain);
 *       Flyway: configure and load (its plugin registry);</li>
 *   <li>the first whole no-op migrate call, then the second, then a warm median.</li>
 * </ol>
 * Usage: {@code java -cp benchmarks.jar io.liteshift.bench.MigrateColdStart liteshift|flyway DB DIR}
 */
public final class MigrateColdStart {
    private MigrateColdStart() {
    }

    public static void main(String[] args) throws Exception {
        long mainAt = System.nanoTime();
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        String tool = args[0];
        Path db = Path.of(args[1]);
        Path dir = Path.of(args[2]);
        System.out.printf("%s, a no-op migrate over %s in a fresh JVM:%n", tool, dir);
        phase("first SQLite connection (driver, native library)", () -> {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
                return c.isValid(1);
            }
        });
        Callable<Object> migrate;
        if (tool.equals("liteshift")) {
            phase("read and check the directory (cold)", () -> MigrationDirectory.of(dir).problems());
            migrate = () -> {
                MigrateResult r = LiteShift.configure().database("file:" + db).migrations(dir.toString()).load().migrate();
                if (!r.upToDate()) throw new IllegalStateException("not a no-op: applied " + r.applied());
                return r;
            };
        } else {
            phase("configure and load (cold)", () -> Flyway.configure().dataSource("jdbc:sqlite:" + db, null, null)
                    .locations("filesystem:" + dir).load());
            migrate = () -> {
                int n = Flyway.configure().dataSource("jdbc:sqlite:" + db, null, null).locations("filesystem:" + dir).load()
                        .migrate().migrationsExecuted;
                if (n != 0) throw new IllegalStateException("not a no-op: applied " + n);
                return n;
            };
        }
        phase("first whole migrate() call", migrate);
        phase("second call", migrate);
        Timings warm = new Timings();
        for (int i = 0; i < 20; i++) warm.time(migrate);
        System.out.printf("  %-52s %s%n", "warm (20 more calls)", warm);
        System.out.printf("  %-52s %7d ms%n", "main, total so far", (System.nanoTime() - mainAt) / 1_000_000);
    }

    private static void phase(String what, Callable<?> work) throws Exception {
        long t0 = System.nanoTime();
        work.call();
        System.out.printf("  %-52s %7.1f ms%n", what, (System.nanoTime() - t0) / 1e6);
    }
}
