package io.liteshift.backup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Online backups of real files while another connection keeps writing; naming, manifest and retention. */
class BackupTest {
    @TempDir
    Path dir;

    @AfterEach
    void defaultStep() {
        Backups.pagesPerStep = 16_384;
        Backups.progressEvery = java.time.Duration.ofSeconds(2);
    }

    @Test
    void progressIsReportedBetweenStepsOnlyForALongCopy() throws Exception {
        Path db = dir.resolve("big.db");
        Db.exec(db, "CREATE TABLE filler (b BLOB)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) INSERT INTO filler SELECT randomblob(4000) FROM n");
        List<String> quiet = new ArrayList<>();
        Backups.backup(db, dir.resolve("b"), 0, quiet::add);
        assertThat(quiet).as("a copy shorter than the interval prints nothing").isEmpty();
        Backups.pagesPerStep = 16;
        Backups.progressEvery = java.time.Duration.ZERO;
        List<String> lines = new ArrayList<>();
        Backups.backup(db, dir.resolve("b"), 0, lines::add);
        assertThat(lines).hasSizeGreaterThan(10).allMatch(l -> l.matches("backup: \\d{1,2}% of [\\d.]+ (MB|kB)"));
    }

    @ParameterizedTest(name = "journal_mode={0}")
    @ValueSource(strings = {"wal", "delete"})
    void aBackupTakenDuringContinuousInsertsIsSoundAndHoldsACommittedPrefix(String mode) throws Exception {
        Backups.pagesPerStep = 8; // many steps: the copy must still be one snapshot
        Path db = dir.resolve("app.db");
        Db.exec(db, "PRAGMA journal_mode = " + mode,
                "CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB NOT NULL)",
                "CREATE TABLE filler (b BLOB)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO filler SELECT randomblob(4000) FROM n"); // ~8 MB, ~2000 pages
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong committed = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Connection c = Db.open(db); PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, v) VALUES (?, randomblob(300))")) {
                for (long i = 1; !stop.get(); i++) {
                    ps.setLong(1, i);
                    ps.executeUpdate(); // one transaction per row
                    committed.set(i);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        writer.start();
        List<BackupInfo> taken = new ArrayList<>();
        try {
            while (committed.get() < 50) Thread.sleep(5);
            for (int i = 0; i < 3; i++) {
                taken.add(Backups.backup(db, dir.resolve("backups")));
                Thread.sleep(20);
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(failure.get()).isNull();
        long previous = 0;
        for (BackupInfo b : taken) {
            Path f = b.file();
            assertThat(Db.string(f, "PRAGMA integrity_check")).isEqualTo("ok");
            long count = Db.longValue(f, "SELECT count(*) FROM t");
            assertThat(count).as("a committed prefix: rows 1..k without gaps").isPositive()
                    .isEqualTo(Db.longValue(f, "SELECT max(id) FROM t"));
            assertThat(Db.longValue(f, "SELECT min(id) FROM t")).isEqualTo(1);
            assertThat(Db.longValue(f, "SELECT count(*) FROM filler")).isEqualTo(2000);
            assertThat(count).isGreaterThanOrEqualTo(previous);
            previous = count;
        }
        assertThat(committed.get()).as("the writer kept going").isGreaterThan(previous);
        assertThat(Files.list(dir.resolve("backups")).map(p -> p.getFileName().toString()))
                .as("no temporary files, no side files").allMatch(n -> n.endsWith(".sqlite") || n.endsWith(".sqlite.manifest"))
                .hasSize(6);
    }

    @Test
    void theNameCarriesTheSchemaVersionAndTheManifestTheChecksum() throws Exception {
        Path db = dir.resolve("shop.db");
        Db.exec(db, "CREATE TABLE liteshift_migrations (version INTEGER PRIMARY KEY)",
                "INSERT INTO liteshift_migrations VALUES (1), (3)", "CREATE TABLE x (a)");
        BackupInfo b = Backups.backup(db, dir.resolve("b"));
        assertThat(b.file().getFileName().toString()).matches("shop-\\d{8}-\\d{9}-v0003\\.sqlite");
        assertThat(b.version()).isEqualTo(3);
        Map<String, String> m = Manifest.read(b.file());
        assertThat(m).containsEntry("sha256", FileOps.sha256(b.file())).containsEntry("size", Long.toString(Files.size(b.file())))
                .containsEntry("source", db.toAbsolutePath().toString()).containsEntry("version", "3").containsEntry("integrity", "ok");
        assertThat(Backups.list(dir.resolve("b"), "shop.db")).extracting(BackupInfo::file).containsExactly(b.file());

        Path empty = dir.resolve("empty.db");
        Db.exec(empty, "CREATE TABLE y (a)");
        assertThat(Backups.backup(empty, dir.resolve("b")).file().getFileName().toString()).endsWith("-v0000.sqlite");
    }

    @Test
    void keepDeletesTheOldestBackupsOfThatDatabaseOnly() throws Exception {
        Path db = dir.resolve("app.db");
        Path other = dir.resolve("other.db");
        Db.exec(db, "CREATE TABLE t (a)");
        Db.exec(other, "CREATE TABLE t (a)");
        Path to = dir.resolve("b");
        Backups.backup(other, to);
        List<Path> made = new ArrayList<>();
        for (int i = 0; i < 4; i++) made.add(Backups.backup(db, to).file());
        BackupInfo last = Backups.backup(db, to, 2, s -> { });
        assertThat(Backups.list(to, "app.db")).extracting(BackupInfo::file).containsExactly(made.get(3), last.file());
        assertThat(Backups.list(to, "other")).hasSize(1);
        for (int i = 0; i < 3; i++) {
            assertThat(made.get(i)).doesNotExist();
            assertThat(Manifest.of(made.get(i))).doesNotExist();
        }
        assertThat(Backups.backup(db, to, 1, s -> { }).file()).as("never the new one").exists();
        assertThat(Backups.list(to, "app")).hasSize(1);
    }
}
