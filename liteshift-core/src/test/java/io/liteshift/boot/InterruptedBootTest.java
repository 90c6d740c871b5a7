package io.liteshift.boot;

import io.liteshift.Await;
import io.liteshift.Interrupted;
import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.backup.BackupCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrate on boot in an application that shuts down meanwhile: interrupting the thread that runs {@code migrate()}
 * stops it as a signal stops the command line. The migration under way is rolled back whole, a backup before migrating
 * leaves no partial file, the {@link Interrupted} says what state that left, and the thread keeps its interrupt status.
 */
class InterruptedBootTest {
    private static final Duration WAIT = Duration.ofMinutes(1);
    private static final long ROWS = 200_000;

    @TempDir
    Path tmp;
    Path db;
    Path migrations;
    Path backups;

    /** At 0001 with 200,000 rows; 0002 (an UPDATE of every row, which takes a while) is pending. */
    @BeforeEach
    void aLongMigrationIsPending() throws Exception {
        db = tmp.resolve("app.db");
        migrations = tmp.resolve("migrations");
        backups = tmp.resolve("backups");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("0001_init.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);\nCREATE INDEX t_by_a ON t (a);\n");
        LiteShift.configure().migrations(migrations).load().hash();
        boot().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + ROWS + ")"
                    + " INSERT INTO t (id, a) SELECT i, hex(randomblob(16)) FROM n");
        }
        Files.writeString(migrations.resolve("0002_touch.sql"), "UPDATE t SET a = a || 'x';\n");
        LiteShift.configure().migrations(migrations).load().hash();
    }

    private LiteShift boot() {
        return LiteShift.configure().database(db.toString()).migrations(migrations).createMissing(true).load();
    }

    @Test
    void interruptingTheBootThreadRollsTheMigrationBack() throws Exception {
        Outcome o = runInterrupted(boot(), () -> size(db.resolveSibling("app.db-journal")) > 128 * 1024);

        assertThat(o.failure).isInstanceOf(Interrupted.class);
        assertThat(o.failure.getMessage()).startsWith("interrupted during 0002_touch: it was rolled back entirely; nothing was applied; "
                + db + " is at 0001 (0001 applied); still pending: 0002_touch.");
        assertThat(((Interrupted) o.failure).describe("the shutdown")).startsWith("interrupted by the shutdown during 0002_touch:");
        assertThat(o.stillInterrupted).as("the thread keeps its interrupt status").isTrue();
        assertAtVersionOne();
        assertThat(boot().migrate().applied()).as("the next boot applies it").hasSize(1);
    }

    @Test
    void interruptedDuringTheBackupBeforeMigratingLeavesNoPartialFile() throws Exception {
        LiteShift boot = LiteShift.configure().database(db.toString()).migrations(migrations)
                .backupBeforeMigrate(backups, 0).backupCheck(BackupCheck.FULL).load();
        Outcome o = runInterrupted(boot, () -> !files(backups).isEmpty());

        assertThat(o.failure).isInstanceOf(Interrupted.class);
        assertThat(o.failure.getMessage()).startsWith("interrupted during the backup of " + db + ": no backup was written; the partial file .app-")
                .contains(".tmp was removed; nothing was applied; " + db + " is at 0001 (0001 applied); still pending: 0002_touch.");
        assertThat(files(backups)).isEmpty();
        assertAtVersionOne();
    }

    private record Outcome(LiteShiftException failure, boolean stillInterrupted) {
    }

    /** Runs migrate on a thread of its own and interrupts it once {@code underWay} holds. */
    private static Outcome runInterrupted(LiteShift boot, BooleanSupplier underWay) throws Exception {
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                boot.migrate();
                outcome.set(new Outcome(null, Thread.currentThread().isInterrupted()));
            } catch (LiteShiftException e) {
                outcome.set(new Outcome(e, Thread.currentThread().isInterrupted()));
            }
        }, "boot");
        t.start();
        Await.until("migrate under way", WAIT, () -> {
            assertThat(t.isAlive()).as("migrate still running before it was interrupted: %s", outcome.get()).isTrue();
            return underWay.getAsBoolean();
        });
        t.interrupt();
        t.join(WAIT.toMillis());
        assertThat(t.isAlive()).as("migrate stopped").isFalse();
        return outcome.get();
    }

    private void assertAtVersionOne() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertThat(strings(s, "SELECT version FROM liteshift_migrations")).containsExactly("1");
            assertThat(strings(s, "SELECT count(*) FROM t WHERE a LIKE '%x'")).as("nothing of 0002").containsExactly("0");
            assertThat(strings(s, "SELECT count(*) FROM t")).containsExactly(Long.toString(ROWS));
            assertThat(strings(s, "PRAGMA integrity_check")).containsExactly("ok");
        }
        assertThat(db.resolveSibling("app.db-journal")).doesNotExist();
    }

    private static List<String> strings(Statement s, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<Path> files(Path d) {
        if (!Files.isDirectory(d)) return List.of();
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
