package io.liteshift.cli;

import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGINT and SIGTERM sent to a real {@code liteshift} process in the middle of its work: it stops, says what it was
 * doing and what state the database is in, exits with 128 + the signal (130, 143), and leaves no temporary file, in
 * the backups directory or in its temporary directory. After a SIGKILL, which nothing can handle, the next run of the
 * same command removes what the killed one left, and {@code backups} and {@code doctor} show it meanwhile.
 *
 * <p>The database has 800,000 indexed rows, so that each piece of work lasts seconds; the signal is sent once a file
 * shows the work is under way (a journal that grows, a partial backup, a rehearsal's directory), never after a sleep.
 */
class StopSignalsTest extends InTemporaryWorkingDirectory {
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final long ROWS = 800_000;

    @TempDir
    static Path shared;
    private static Path fixture;

    private Path db;
    private Path tmp;

    @BeforeAll
    static void aDatabaseThatTakesSecondsToWorkOn() throws Exception {
        fixture = shared.resolve("app.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fixture); Statement s = c.createStatement()) {
            s.execute(MIGRATION_1);
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + ROWS + ")"
                    + " INSERT INTO t (id, a) SELECT i, hex(randomblob(16)) FROM n");
            s.execute("CREATE INDEX t_by_a ON t (a)");
        }
    }

    private static final String MIGRATION_1 = "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT)";

    /** The database at 0001 (baselined), with 0002 pending: an UPDATE of every row, instant on the replay, seconds here. */
    @BeforeEach
    void projectAtVersionOne() throws Exception {
        tmp = dir.resolve("tmp");
        db = dir.resolve("app.db");
        Files.copy(fixture, db);
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("0001_init.sql"), MIGRATION_1 + ";\nCREATE INDEX t_by_a ON t (a);\n");
        assertThat(Cli.run("hash").exitCode()).isZero();
        Cli.Result baselined = Cli.run("baseline", "--db", "app.db", "--version", "1");
        assertThat(baselined.exitCode()).as(baselined.toString()).isZero();
        Files.writeString(migrations.resolve("0002_touch.sql"), "UPDATE t SET a = a || 'x';\n");
        assertThat(Cli.run("hash").exitCode()).isZero();
    }

    @AfterEach
    void noProcessLeftBehind() throws InterruptedException {
        CliProcess.killAll();
    }

    @Test
    void sigintDuringAMigrationRollsItBackAndSaysWhatIsPending() throws Exception {
        Cli.Result r = stopped("INT", "updating rows (a growing journal)", () -> size(side("-journal")) > 256 * 1024, "migrate", "--db", "app.db");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(130);
        assertThat(r.err()).as(r.toString()).startsWith("liteshift: interrupted by SIGINT during 0002_touch: it was rolled back entirely;")
                .contains(db + " is at 0001 (0001 applied)", "still pending: 0002_touch. Run migrate again to apply it.")
                .doesNotContain("Exception", "\tat ");
        assertAtVersionOneUntouched();
        assertThat(side("-journal")).doesNotExist();
        assertThat(filesIn(tmp)).isEmpty();
    }

    @Test
    void sigtermDuringAMigrationInWalModeToo() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
        }
        Cli.Result r = stopped("TERM", "updating rows (a growing WAL)", () -> size(side("-wal")) > 1024 * 1024, "migrate", "--db", "app.db",
                "--json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(143);
        assertThat(r.err()).as(r.toString()).startsWith("liteshift: interrupted by SIGTERM during 0002_touch: it was rolled back entirely;")
                .contains("still pending: 0002_touch");
        // a script asking for JSON reads the same state, with the exit code the process has
        assertThat(JsonOut.error("migrate", r)).containsEntry("reason", "interrupted").containsEntry("exitCode", 143);
        assertAtVersionOneUntouched();
        assertThat(filesIn(tmp)).isEmpty();
    }

    @Test
    void sigintDuringABackupRemovesThePartialFile() throws Exception {
        Path backups = dir.resolve("backups");
        Cli.Result r = stopped("INT", "writing the partial backup", () -> !filesIn(backups).isEmpty(), "backup", "--db", "app.db", "--to", "backups", "--full-check");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(130);
        assertThat(r.err()).as(r.toString()).containsPattern("liteshift: interrupted by SIGINT during the backup of " + db
                + ": no backup was written; the partial file \\.app-\\d{8}-\\d{9}\\.\\d+@[^ ]+\\.tmp was removed\\. Nothing was changed\\.");
        assertThat(filesIn(backups)).isEmpty();
        assertThat(filesIn(tmp)).isEmpty();
        assertThat(TestDb.sound(db)).isTrue();
    }

    @Test
    void sigtermDuringARehearsalRemovesTheCopy() throws Exception {
        byte[] before = Files.readAllBytes(db);
        Cli.Result r = stopped("TERM", "copying for the rehearsal", () -> !rehearsalCopies().isEmpty(), "rehearse", "--db", "app.db");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(143);
        assertThat(r.err()).as(r.toString()).startsWith("liteshift: interrupted by SIGTERM during the rehearsal of " + db + ": the copy in ")
                .contains("was removed; " + db + " was not changed (a rehearsal only reads it).");
        assertThat(filesIn(tmp)).isEmpty();
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void sigintDuringAPushRollsTheRebuildBack() throws Exception {
        byte[] before = Files.readAllBytes(db);
        Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT NOT NULL DEFAULT '');\n"
                + "CREATE INDEX t_by_a ON t (a);\n");
        Cli.Result r = stopped("INT", "rebuilding t (a journal)", () -> Files.exists(side("-journal")), "push", "--db", "app.db", "--schema", "schema.sql");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(130);
        assertThat(r.err()).as(r.toString()).startsWith("liteshift: interrupted by SIGINT during the push of " + dir.resolve("schema.sql")
                + " to " + db + ": everything was rolled back; " + db + " is as it was. Nothing was changed.");
        assertThat(Files.readAllBytes(db)).as("byte for byte").isEqualTo(before);
        assertThat(side("-journal")).doesNotExist();
        assertThat(filesIn(tmp)).isEmpty();
    }

    @Test
    void aKilledBackupIsShownByBackupsAndDoctorAndRemovedByTheNextBackup() throws Exception {
        Path backups = dir.resolve("backups");
        CliProcess p = CliProcess.start(dir, tmp, "backup", "--db", "app.db", "--full-check");
        p.awaitThat("writing the partial backup", () -> !filesIn(backups).isEmpty(), WAIT);
        long pid = p.process.pid();
        p.kill();
        List<Path> left = filesIn(backups);
        assertThat(left).as("SIGKILL leaves the partial file").isNotEmpty()
                .allSatisfy(f -> assertThat(f.getFileName().toString()).startsWith(".app-").contains("." + pid + "@"));

        Cli.Result listed = Cli.run("backups", "--db", "app.db");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.out()).contains("No backups in " + backups + " of app.db.", "partial", left.get(0).getFileName().toString(),
                "left by a stopped backup (pid " + pid + " on ", "no longer running); the next backup removes it");
        Cli.Result doctor = Cli.run("doctor", "--db", "app.db");
        assertThat(doctor.out()).as(doctor.toString()).contains("warning BACKUP_LEFTOVER", "1 partial backup(s) of app.db in " + backups,
                "Run `liteshift backup` (it removes the partial backups of stopped processes first)");

        Cli.Result next = Cli.run("backup", "--db", "app.db");
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(next.err()).contains("backup: removed a partial backup that a stopped backup left: " + left.get(0).getFileName());
        assertThat(filesIn(backups)).as("the new backup and its manifest only").hasSize(2)
                .noneMatch(f -> f.getFileName().toString().startsWith("."));
        assertThat(Cli.run("doctor", "--db", "app.db").out()).doesNotContain("BACKUP_LEFTOVER");
    }

    @Test
    void aKilledRehearsalsCopyIsRemovedByTheNextRehearsal() throws Exception {
        CliProcess p = CliProcess.start(dir, tmp, "rehearse", "--db", "app.db");
        p.awaitThat("copying for the rehearsal", () -> !rehearsalCopies().isEmpty(), WAIT);
        p.kill();
        List<Path> left = rehearsalCopies();
        assertThat(left).hasSize(1).allSatisfy(d -> assertThat(d.getFileName().toString()).contains(p.process.pid() + "@"));

        // the next rehearsal, of any database (a small one here, for speed), removes it first
        Path small = TestDb.exec(dir.resolve("small.db"), MIGRATION_1 + "; CREATE INDEX t_by_a ON t (a); INSERT INTO t VALUES (1, 'one');");
        assertThat(Cli.run("baseline", "--db", "small.db", "--version", "1").exitCode()).isZero();
        Cli.Result next = CliProcess.run(dir, tmp, List.of(), "rehearse", "--db", small.toString());
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(next.out()).contains("0002_touch");
        assertThat(filesIn(tmp)).as("the killed rehearsal's copy and the new one's are gone").isEmpty();
    }

    /** Runs liteshift ARGS, sends it {@code signal} once {@code underWay} holds, and returns how it ended. */
    private Cli.Result stopped(String signal, String underWay, BooleanSupplier condition, String... args) throws Exception {
        CliProcess p = CliProcess.start(dir, tmp, args);
        p.awaitThat(underWay, condition, WAIT);
        p.signal(signal);
        return p.awaitExit(WAIT);
    }

    private void assertAtVersionOneUntouched() {
        assertThat(TestDb.column(db, "SELECT version FROM liteshift_migrations")).containsExactly("1");
        assertThat(TestDb.queryLong(db, "SELECT count(*) FROM t WHERE a LIKE '%x'")).as("no row of 0002 stays").isZero();
        assertThat(TestDb.queryLong(db, "SELECT count(*) FROM t")).isEqualTo(ROWS);
        assertThat(TestDb.sound(db)).isTrue();
    }

    private List<Path> rehearsalCopies() {
        return filesIn(tmp).stream().filter(f -> f.getFileName().toString().startsWith("liteshift-rehearse-")).toList();
    }

    private Path side(String suffix) {
        return db.resolveSibling(db.getFileName() + suffix);
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0; // gone meanwhile
        }
    }

    /** What is in {@code d} (none when it does not exist), SQLite's native library excepted (unpacked there once). */
    private static List<Path> filesIn(Path d) {
        if (!Files.isDirectory(d)) return List.of();
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(f -> !f.getFileName().toString().matches("(lib)?sqlitejdbc.*|sqlite-.*\\.(so|lck)")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
