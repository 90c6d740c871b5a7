package io.liteshift.cli;

import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code push --online} as a real process while the application, another real process ({@link AppWriter}), keeps
 * inserting, updating and deleting rows of the table being rebuilt and of its ON DELETE CASCADE child. After each
 * run the database is read against every write the application logged as committed ({@link OnlineTable}), with
 * integrity_check and foreign_key_check: no write failed or was lost, whatever happened to the migrator.
 *
 * <p>Kills: {@code -Dliteshift.online.kills=N} (default 30) SIGKILLs at random points, each followed by the data check
 * and the next run, which resumes or removes what the killed one left; {@code -Dliteshift.stress=true} makes it 200
 * kills on a larger table. The seed is printed; {@code -Dliteshift.online.seed} replays a run's delays.
 */
class OnlineProcessTest extends InTemporaryWorkingDirectory {
    private static final boolean STRESS = Boolean.getBoolean("liteshift.stress");
    private static final int KILLS = Integer.getInteger("liteshift.online.kills", STRESS ? 200 : 30);
    private static final long SEED = Long.getLong("liteshift.online.seed", System.currentTimeMillis());
    private static final Duration WAIT = Duration.ofMinutes(6);
    /** The declared schema back: drops the CHECK again, so that the kills can go on rebuilding the same table both ways. */
    private static final String BACK = OnlineTable.OLD;

    private OnlineTable table;

    @AfterEach
    void nothingLeftRunning() throws Exception {
        if (table != null) table.stopWriter();
        CliProcess.killAll();
    }

    private Path tmp() {
        return dir.resolve("tmp");
    }

    @Test
    void theApplicationKeepsWritingThroughAnOnlinePushAndLosesNothing() throws Exception {
        table = OnlineTable.create(dir, 200_000);
        table.startWriter();
        int before = table.writes().size();
        Cli.Result r = CliProcess.start(dir, tmp(), "push", "--db", "app.db", "--online", "--max-lock-ms", "10").awaitExit(WAIT);
        int during = table.writes().size() - before;
        table.pause();

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("-- rebuilds items online: ", "rebuilt items online: ", "Applied 1 change in ")
                .doesNotContain("DROP TABLE");
        assertThat(r.err()).as("the progress lines").contains("items: copy ", "items: cut-over ", "items: done ");
        assertThat(during).as("writes committed while the push ran").isGreaterThan(50);
        assertThat(table.failedWrites()).as("failed writes").isEmpty();
        assertThat(table.rebuilt()).isTrue();
        table.assertHoldsEveryCommittedWrite();
        assertThat(table.leftovers()).isEmpty();
        assertThat(Cli.run("push", "--db", "app.db").out()).startsWith("Nothing to do");
    }

    @Test
    void killedAtRandomPointsTheTableStaysCompleteAndTheNextRunResumesOrCleansUp() throws Exception {
        table = OnlineTable.create(dir, STRESS ? 300_000 : 60_000);
        Files.writeString(dir.resolve("back.sql"), BACK);
        System.out.println("OnlineProcessTest seed=" + SEED + " (replay the kill delays with -Dliteshift.online.seed=" + SEED + ")");
        Random random = new Random(SEED);
        table.startWriter();
        int kills = 0;
        StringBuilder history = new StringBuilder();
        int leftBehind = 0;
        int swaps = 0;
        for (int run = 0; kills < KILLS; run++) {
            boolean rebuilt = table.rebuilt();
            String schema = rebuilt ? "back.sql" : "schema.sql"; // each way is a rebuild of items
            boolean leftover = !table.leftovers().isEmpty();
            // every tenth run is let finish: it must say what it did with the killed one's work
            long delay = run % 10 == 9 ? WAIT.toMillis() : random.nextInt(STRESS ? 6000 : 3000);
            CliProcess p = CliProcess.start(dir, tmp(), "push", "--db", "app.db", "--schema", schema, "--online", "--max-lock-ms", "5");
            boolean finished = p.process.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!finished) {
                p.kill();
                kills++;
            }
            Cli.Result r = p.awaitExit(WAIT);
            if (finished) {
                assertThat(r.exitCode()).as("run %d ended by itself: %s", run, r).isZero();
                if (leftover) {
                    assertThat(r.out()).as("run %d, after a killed one left work behind", run).containsAnyOf("resumed the interrupted online rebuild",
                            "removed an interrupted online rebuild", "had already swapped the tables");
                }
            }
            table.pause();
            history.append("run ").append(run).append(finished ? " finished" : " killed after " + delay + " ms").append(" (")
                    .append(schema).append(leftover ? ", after a run that left work" : "").append("):\n").append(r).append('\n');
            // whatever instant it died at, the application's table is complete, sound and in use
            table.assertHoldsEveryCommittedWrite(history.toString());
            if (table.rebuilt() != rebuilt) swaps++;
            if (!table.leftovers().isEmpty()) leftBehind++;
            table.resume();
        }
        // and the run after the last kill finishes the job
        boolean leftover = !table.leftovers().isEmpty();
        String schema = table.rebuilt() ? "back.sql" : "schema.sql";
        Cli.Result last = CliProcess.start(dir, tmp(), "push", "--db", "app.db", "--schema", schema, "--online").awaitExit(WAIT);
        table.pause();
        assertThat(last.exitCode()).as(last.toString()).isZero();
        if (leftover) assertThat(last.out()).containsAnyOf("resumed the interrupted", "removed an interrupted", "had already swapped");
        assertThat(table.failedWrites()).as("failed writes").isEmpty();
        table.assertHoldsEveryCommittedWrite();
        assertThat(table.leftovers()).as("nothing of any killed run is left").isEmpty();
        assertThat(swaps).as("some runs got as far as swapping the tables").isPositive();
        assertThat(leftBehind).as("some kills landed mid-rebuild, leaving work for the next run").isPositive();
    }

    /**
     * The versioned path: a migration generated with --online, its migrate killed mid-copy while the application writes.
     * doctor and status report what was left and what the next run does; the next migrate resumes it, says so, and
     * records the migration once.
     */
    @Test
    void aKilledOnlineMigrationIsReportedAndTheNextMigrateResumesIt() throws Exception {
        table = OnlineTable.create(dir, 200_000);
        Files.writeString(dir.resolve("v1.sql"), OnlineTable.OLD);
        assertThat(Cli.run("generate", "--schema", "v1.sql", "--name", "init").exitCode()).isZero();
        assertThat(Cli.run("baseline", "--db", "app.db", "--version", "1").exitCode()).isZero();
        Cli.Result generated = Cli.run("generate", "--name", "qty_not_null", "--online");
        assertThat(generated.out()).as(generated.toString()).contains("rebuilds items (online)");
        table.startWriter();

        CliProcess killed = CliProcess.start(dir, tmp(), "migrate", "--db", "app.db", "--max-lock-ms", "2");
        killed.awaitThat("copying", () -> killed.errSoFar().contains("items: copy "), WAIT);
        killed.kill();
        table.pause();
        table.assertHoldsEveryCommittedWrite();
        assertThat(table.rebuilt()).isFalse();
        assertThat(table.leftovers()).as("the killed run's work").isNotEmpty();

        Cli.Result doctor = Cli.run("doctor", "--db", "app.db");
        assertThat(doctor.out()).as(doctor.toString()).contains("ONLINE_LEFTOVER", "an online rebuild of items in ", "resumes it from its checkpoint");
        Cli.Result status = Cli.run("status", "--db", "app.db");
        assertThat(status.exitCode()).as("0002 is still pending: " + status).isEqualTo(Main.NOT_UP_TO_DATE);
        assertThat(status.out()).contains("pending  0002_qty_not_null.sql", "note: an online rebuild of items was stopped before it finished");

        table.resume();
        Cli.Result next = CliProcess.start(dir, tmp(), "migrate", "--db", "app.db").awaitExit(WAIT);
        table.pause();
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(next.out()).contains("applied 0002_qty_not_null", "0002_qty_not_null.sql: resumed the interrupted online rebuild of items");
        assertThat(table.rebuilt()).isTrue();
        assertThat(table.failedWrites()).isEmpty();
        table.assertHoldsEveryCommittedWrite();
        assertThat(table.leftovers()).isEmpty();
        assertThat(TestDb.column(table.db, "SELECT version FROM liteshift_migrations ORDER BY version")).containsExactly("1", "2");
        assertThat(Cli.run("verify", "--db", "app.db").exitCode()).isZero();
    }

    @Test
    void aLiveWriteThatBreaksTheNewSchemaMidCopyIsRefusedNamingItsKeyAndTheTableIsAsItWas() throws Exception {
        table = OnlineTable.create(dir, 300_000);
        CliProcess p = CliProcess.start(dir, tmp(), "push", "--db", "app.db", "--online", "--max-lock-ms", "2");
        p.awaitThat("copying", () -> p.errSoFar().contains("items: copy "), WAIT);
        // the application writes a row the declared CHECK (qty < 1000000) refuses, while the rows are being copied
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + table.db); Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute("UPDATE items SET qty = 5000000 WHERE id = 123");
        }
        Cli.Result r = p.awaitExit(WAIT);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(Main.REFUSED_DATA);
        assertThat(r.err()).as(r.toString()).contains("rowid 123", "CHECK constraint failed");
        assertThat(table.rebuilt()).as("the original table stays in use").isFalse();
        assertThat(TestDb.queryLong(table.db, "SELECT qty FROM items WHERE id = 123")).as("the application's write stands").isEqualTo(5_000_000);
        assertThat(TestDb.count(table.db, "items")).isEqualTo(300_000);
        assertThat(table.leftovers()).as("everything the rebuild made is removed").isEmpty();
        assertThat(TestDb.sound(table.db)).isTrue();
    }

    @Test
    void sigintCancelsAnOnlinePushCleanly() throws Exception {
        table = OnlineTable.create(dir, 300_000);
        table.startWriter();
        CliProcess p = CliProcess.start(dir, tmp(), "push", "--db", "app.db", "--online", "--max-lock-ms", "2");
        p.awaitThat("copying", () -> p.errSoFar().contains("items: copy "), WAIT);
        p.signal("INT");
        Cli.Result r = p.awaitExit(WAIT);
        table.pause();

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(130);
        assertThat(r.err()).as(r.toString()).contains("interrupted by SIGINT during the online rebuild of items")
                .doesNotContain("Exception", "\tat ");
        assertThat(table.rebuilt()).isFalse();
        assertThat(table.leftovers()).as("the shadow table, triggers and change log are removed").isEmpty();
        assertThat(table.failedWrites()).isEmpty();
        table.assertHoldsEveryCommittedWrite();
        assertThat(tmp()).isEmptyDirectory();
    }
}
