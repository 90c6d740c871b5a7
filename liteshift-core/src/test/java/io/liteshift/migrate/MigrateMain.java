package io.liteshift.migrate;

import io.liteshift.Await;
import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.inspect.Inspector;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One application instance running {@code migrate} at boot, as its own OS process, for the process and crash tests:
 * {@code MigrateMain MIGRATIONS LOCK_TIMEOUT_MS GO_FILE}.
 * <p>
 * It warms up first (driver, native library, the classes migrate uses) without touching the database, prints
 * {@code READY}, and waits until {@code GO_FILE} exists; the file holds the database path. So the test can start
 * several of them, wait until all are ready, and release them at the same instant. The last line it prints is
 * {@code OK ...} (exit 0) or {@code FAILED REASON ...} followed by the message (exit 1).
 */
public final class MigrateMain {
    private MigrateMain() {
    }

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Duration lockTimeout = Duration.ofMillis(Long.parseLong(args[1]));
        Path go = Path.of(args[2]);
        warmUp(migrations);
        System.out.println("READY");
        System.out.flush();
        try {
            Await.until("the start signal", Duration.ofMinutes(10), () -> Files.exists(go)); // never outlive an aborted test run
        } catch (AssertionError e) {
            System.out.println("NO START SIGNAL");
            System.exit(3);
        }
        String db = Files.readString(go, StandardCharsets.UTF_8).strip();
        long start = System.currentTimeMillis();
        try {
            MigrateResult r = LiteShift.configure().database(db).migrations(migrations).createMissing(true).lockTimeout(lockTimeout).lintBeforeMigrate(false)
                    .load().migrate();
            System.out.println("OK version=" + r.version() + " applied=" + join(r.applied().stream().map(AppliedMigration::version).toList())
                    + " byOthers=" + join(r.appliedByOthers()) + " drift=" + r.drift().size()
                    + " start=" + start + " end=" + System.currentTimeMillis());
            System.exit(0);
        } catch (LiteShiftException e) {
            System.out.println("FAILED " + e.reason() + " start=" + start + " end=" + System.currentTimeMillis());
            System.out.println(e.getMessage());
            System.exit(1);
        }
    }

    private static void warmUp(Path migrations) throws Exception {
        MigrationDirectory dir = MigrationDirectory.of(migrations);
        History.of(dir, List.of(), false);
        MigrationScript.parse(dir.migrations().get(0), dir.label());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            Inspector.inspect(c);
            Journal.read(c);
        }
    }

    private static String join(List<Integer> versions) {
        return versions.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
