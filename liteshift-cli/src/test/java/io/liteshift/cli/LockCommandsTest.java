package io.liteshift.cli;

import io.liteshift.Await;
import io.liteshift.sqlite.Databases;
import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * push and backup on a database another process holds a lock on (a real second process: {@link LockHolder}): they wait
 * up to --lock-timeout (or lock_timeout under [migrate] in liteshift.toml), then say the database is locked, by what
 * kind of holder, and for how long they waited; nothing is changed. A push whose lock comes free while it waits goes on.
 */
class LockCommandsTest extends InTemporaryWorkingDirectory {
    private Path db;
    private Process holder;
    private Path release;

    @BeforeEach
    void aDatabaseAndASchemaThatRebuildsIt() {
        db = TestDb.exec(dir.resolve("app.db"), "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT); INSERT INTO t VALUES (1, 'one');");
        TestDb.writeSchema(dir.resolve("schema.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT NOT NULL DEFAULT '');\n");
        release = dir.resolve("release");
    }

    @AfterEach
    void releaseTheLock() throws Exception {
        if (holder == null) return;
        Files.writeString(release, "");
        if (!holder.waitFor(30, TimeUnit.SECONDS)) holder.destroyForcibly().waitFor();
    }

    @Test
    void aPushWaitsForTheLockTimeoutThenNamesTheWriter() throws Exception {
        hold("write");
        byte[] before = Files.readAllBytes(db);
        long t0 = System.nanoTime();
        Cli.Result r = Cli.run("push", "--db", "app.db", "--lock-timeout", "1s");
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).as(r.toString()).isEqualTo("liteshift: cannot push " + dir.resolve("schema.sql") + " to " + db + ": another process"
                + " kept the database locked for more than 1 s: another connection holds the write lock (SQLite's RESERVED lock: a writer"
                + " inside a transaction, such as a long write of the application or another migration). Nothing was changed. Run again"
                + " when it is done, or wait longer (--lock-timeout, or lock_timeout under [migrate] in liteshift.toml).\n");
        assertThat(took).as("it waited the lock timeout, not the old fixed 10 s").isBetween(Duration.ofSeconds(1), Duration.ofSeconds(8));
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void aPushWhoseCommitWaitsForAReaderSaysSo() throws Exception {
        hold("read"); // rollback-journal mode: the write lock is free, but a commit waits for every reader
        byte[] before = Files.readAllBytes(db);
        Cli.Result r = Cli.run("push", "--db", "app.db", "--lock-timeout", "1s");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).as(r.toString()).contains("another process kept the database locked for more than 1 s: other connections are"
                        + " reading it (SQLite's SHARED locks)", "The change was made but could not commit, so it was rolled back; nothing was changed.")
                .doesNotContain("cannot commit - no transaction is active");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(db.resolveSibling("app.db-journal")).doesNotExist();
    }

    @Test
    void inWalModeTheWriterIsNamedWithoutSqlitesRollbackLockNames() throws Exception {
        TestDb.exec(db, "PRAGMA journal_mode = WAL");
        hold("write");
        Files.writeString(dir.resolve("liteshift.toml"), "[migrate]\nlock_timeout = \"1s\"\n");
        Cli.Result r = Cli.run("push", "--db", "app.db");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).as("the lock timeout of liteshift.toml: %s", r).contains("kept the database locked for more than 1 s: another"
                + " connection holds the write lock (a writer inside a transaction, such as a long write of the application or another"
                + " migration; or a wal_checkpoint in RESTART or TRUNCATE mode, waiting for readers)").doesNotContain("RESERVED");
        assertThat(TestDb.column(db, "SELECT sql FROM sqlite_schema WHERE name = 't'").get(0)).doesNotContain("NOT NULL");
    }

    @Test
    void aPushWhoseLockComesFreeWhileItWaitsGoesOn() throws Exception {
        hold("write");
        AtomicReference<Cli.Result> result = new AtomicReference<>();
        Thread push = new Thread(() -> result.set(Cli.run("push", "--db", "app.db", "--lock-timeout", "60s")), "push");
        push.start();
        Await.until("push to wait for the lock", Duration.ofSeconds(30), () -> {
            assertThat(push.isAlive()).as("push waits for the lock: %s", result.get()).isTrue();
            return waitingForALock(push);
        });
        Files.writeString(release, ""); // the application's transaction ends
        push.join(60_000);

        assertThat(result.get().exitCode()).as(result.get().toString()).isZero();
        assertThat(result.get().out()).contains("Applied ");
        assertThat(TestDb.column(db, "SELECT a FROM t")).containsExactly("one");
        assertThat(TestDb.column(db, "SELECT sql FROM sqlite_schema WHERE name = 't'").get(0)).contains("NOT NULL DEFAULT ''");
    }

    @Test
    void aBackupWaitsForItsLockTimeoutToo() throws Exception {
        hold("exclusive"); // rollback-journal mode: a writer committing keeps even readers out
        Cli.Result r = Cli.run("backup", "--db", "app.db", "--lock-timeout", "1s");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).as(r.toString()).contains("cannot open the database " + db + ": another process kept the database locked for more"
                + " than 1 s: another connection is committing, or writing a large change into the file (SQLite's PENDING or EXCLUSIVE"
                + " lock), which in rollback-journal mode keeps readers out too. Nothing was changed.", "--lock-timeout");
        try (Stream<Path> s = Files.exists(dir.resolve("backups")) ? Files.list(dir.resolve("backups")) : Stream.empty()) {
            assertThat(s.toList()).as("no partial backup").isEmpty();
        }
    }

    /**
     * A writer killed in its transaction leaves a hot journal, which a read-only connection cannot roll back (SQLite
     * refuses to open the file). After a failed write liteshift rolls it back before it exits, as it does here.
     */
    @Test
    void aHotJournalIsRolledBackSoThatTheFileIsReadableReadOnly() throws Exception {
        hold("spill");
        holder.destroyForcibly().waitFor(); // SIGKILL inside the transaction, after part of it went into the file
        holder = null;
        Path journal = db.resolveSibling("app.db-journal");
        assertThat(journal).as("the killed writer's journal").exists();
        assertThat(readOnlyTables()).as("unreadable read-only while the journal is hot").isNull();

        RuntimeException failure = new RuntimeException("a failed write");
        Databases.recoverHotJournal(db, failure);

        assertThat(failure.getSuppressed()).isEmpty();
        assertThat(journal).doesNotExist();
        assertThat(readOnlyTables()).as("the killed writer's table is gone").containsExactly("t");
        assertThat(TestDb.column(db, "SELECT a FROM t")).containsExactly("one");
    }

    /** The tables, read through a read-only connection; null when SQLite will not open it so. */
    private List<String> readOnlyTables() {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
             ResultSet rs = c.createStatement().executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString(1));
            return out;
        } catch (SQLException e) {
            return null;
        }
    }

    /** Whether {@code t} sleeps in liteshift's busy handler, i.e. waits for another connection's lock. */
    private static boolean waitingForALock(Thread t) {
        return t.getState() == Thread.State.TIMED_WAITING
                && Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().equals("io.liteshift.sqlite.LockWait"));
    }

    /** Starts {@link LockHolder} and waits until it holds the lock. */
    private void hold(String mode) throws IOException, InterruptedException {
        Path out = dir.resolve("holder.out");
        holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), db.toString(), mode, release.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        Await.until("the holder to hold the lock", Duration.ofSeconds(60), () -> {
            assertThat(holder.isAlive()).as("the holder started: %s", Files.readString(out)).isTrue();
            return Files.readString(out, StandardCharsets.UTF_8).contains("READY");
        });
    }
}
