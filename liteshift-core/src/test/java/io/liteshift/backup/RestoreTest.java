package io.liteshift.backup;

import io.liteshift.LiteShiftException;
import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Restoring over real files: atomic for readers, owner and mode kept, WAL files handled, locks and damage refused. */
class RestoreTest {
    @TempDir
    Path dir;

    private Path database(String name, String mode, String value, int rows) throws Exception {
        Path db = dir.resolve(name);
        TestDb.exec(db, "PRAGMA journal_mode = " + mode, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows + ") INSERT INTO t SELECT i, '"
                        + value + "' FROM n");
        return db;
    }

    private BackupInfo backupOf(String value, int rows) throws Exception {
        Path src = database("src-" + value + ".db", "delete", value, rows);
        return Backups.backup(src, dir.resolve("backups"));
    }

    private static String content(Path db) throws Exception {
        return TestDb.text(db, "SELECT group_concat(DISTINCT v) || ':' || count(*) FROM t");
    }

    @Test
    void aReaderOpeningTheFileDuringRestoresAlwaysSeesTheOldOrTheNewContent() throws Exception {
        BackupInfo a = backupOf("a", 3000);
        BackupInfo b = backupOf("b", 5000);
        Path db = database("app.db", "delete", "a", 3000);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        List<String> bad = new ArrayList<>();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try (Connection c = TestDb.open(db); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT group_concat(DISTINCT v) || ':' || count(*) FROM t")) {
                    rs.next();
                    String seen = rs.getString(1);
                    if (!seen.equals("a:3000") && !seen.equals("b:5000")) bad.add(seen);
                    reads.incrementAndGet();
                } catch (Exception e) {
                    bad.add(e.toString());
                }
            }
        });
        reader.start();
        try {
            for (int i = 0; i < 20; i++) Backups.restore((i % 2 == 0 ? b : a).file(), db, false);
        } finally {
            stop.set(true);
            reader.join();
        }
        assertThat(bad).isEmpty();
        assertThat(reads.get()).isPositive();
        assertThat(content(db)).isEqualTo("a:3000");
        assertThat(TestDb.text(db, "PRAGMA integrity_check")).isEqualTo("ok");
    }

    @Test
    void theRestoredFileKeepsTheOwnerAndModeOfTheFileItReplaces() throws Exception {
        BackupInfo b = backupOf("new", 10);
        Path db = database("app.db", "delete", "old", 5);
        Files.setAttribute(db, "unix:uid", 1234);
        Files.setAttribute(db, "unix:gid", 1234);
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r-----"));
        RestoreResult r = Backups.restore(b.file(), db, false);
        assertThat(content(db)).isEqualTo("new:10");
        assertThat(Files.getAttribute(db, "unix:uid")).isEqualTo(1234);
        assertThat(Files.getAttribute(db, "unix:gid")).isEqualTo(1234);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-r-----");
        assertThat(content(r.replaced())).isEqualTo("old:5");
        assertThat(r.replaced().getFileName().toString()).matches("app\\.db\\.replaced-\\d{8}-\\d{9}");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".restore-"));
    }

    @Test
    void aStaleWalOfTheOldFileIsNeverAppliedToTheRestoredOne() throws Exception {
        BackupInfo b = backupOf("new", 10);
        // the state a crashed application leaves: committed rows still only in app.db-wal, and its -shm
        Path live = database("live.db", "wal", "old", 5);
        Path db = dir.resolve("app.db");
        try (Connection c = TestDb.open(live); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint = 0");
            s.execute("INSERT INTO t VALUES (100, 'old')");
            Files.copy(live, db);
            Files.copy(dir.resolve("live.db-wal"), dir.resolve("app.db-wal"));
            Files.copy(dir.resolve("live.db-shm"), dir.resolve("app.db-shm"));
        }
        assertThat(Files.size(dir.resolve("app.db-wal"))).isPositive();
        RestoreResult r = Backups.restore(b.file(), db, false);
        assertThat(content(db)).isEqualTo("new:10");
        assertThat(TestDb.text(db, "PRAGMA integrity_check")).isEqualTo("ok");
        assertThat(content(r.replaced())).as("the old file got its WAL's rows before it was put aside").isEqualTo("old:6");
        assertThat(dir.resolve("app.db-wal")).doesNotExist();
    }

    @Test
    void anotherConnectionHoldingTheFileOpenInWalModeIsRefusedUnlessForced() throws Exception {
        BackupInfo b = backupOf("new", 10);
        Path db = database("app.db", "wal", "old", 5);
        try (Connection app = TestDb.open(db); Statement s = app.createStatement()) {
            s.executeQuery("SELECT count(*) FROM t").close(); // an idle application connection
            byte[] before = Files.readAllBytes(db);
            assertThatThrownBy(() -> Backups.restore(b.file(), db, false)).isInstanceOfSatisfying(LiteShiftException.class, e -> {
                assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.FAILED);
                assertThat(e.getMessage()).contains("refusing to restore", "WAL mode", "Nothing was changed", "Backups.restore(backup, database, true) restores anyway");
            });
            assertThat(Files.readAllBytes(db)).isEqualTo(before);
            assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("replaced") || n.contains(".restore-"));
            RestoreResult r = Backups.restore(b.file(), db, true);
            assertThat(r.movedAside()).isNotEmpty();
        }
        assertThat(content(db)).isEqualTo("new:10");
        assertThat(TestDb.text(db, "PRAGMA integrity_check")).isEqualTo("ok");
    }

    @Test
    void aWriterHoldingTheLockIsRefused() throws Exception {
        BackupInfo b = backupOf("new", 10);
        Path db = database("app.db", "delete", "old", 5);
        try (Connection app = TestDb.open(db); Statement s = app.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("INSERT INTO t VALUES (99, 'old')");
            long started = System.nanoTime();
            assertThatThrownBy(() -> Backups.restore(b.file(), db, false)).isInstanceOfSatisfying(LiteShiftException.class, e ->
                    assertThat(e.getMessage()).contains("refusing to restore", "writing", "Nothing was changed"));
            assertThat((System.nanoTime() - started) / 1_000_000).as("a short wait, not the application's lock timeout").isLessThan(8_000);
            s.execute("COMMIT");
        }
        assertThat(content(db)).isEqualTo("old:6");
    }

    @Test
    void aDamagedBackupIsRefusedAndTheTargetIsUntouched() throws Exception {
        BackupInfo b = backupOf("new", 2000);
        Path db = database("app.db", "delete", "old", 5);
        byte[] before = Files.readAllBytes(db);
        try (FileChannel ch = FileChannel.open(b.file(), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[]{1, 2, 3, 4}), Files.size(b.file()) / 2);
        }
        assertThatThrownBy(() -> Backups.restore(b.file(), db, false)).isInstanceOfSatisfying(LiteShiftException.class, e -> {
            assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
            assertThat(e.getMessage()).contains("is damaged", "SHA-256", "Nothing was changed");
        });
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                "app.db", "backups", "src-new.db");

        // the same damage with a manifest that matches it: integrity_check still refuses it
        Files.writeString(Manifest.of(b.file()), Files.readString(Manifest.of(b.file()))
                .replaceAll("sha256=\\w+", "sha256=" + FileOps.sha256(b.file())));
        try (FileChannel ch = FileChannel.open(b.file(), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[]{(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}), 4096 + 3); // page 2's cell count
        }
        Files.writeString(Manifest.of(b.file()), Files.readString(Manifest.of(b.file()))
                .replaceAll("sha256=\\w+", "sha256=" + FileOps.sha256(b.file())));
        assertThatThrownBy(() -> Backups.restore(b.file(), db, false)).isInstanceOfSatisfying(LiteShiftException.class, e ->
                assertThat(e.getMessage()).containsAnyOf("integrity_check", "cannot be read"));
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    /** The check runs while the file is hashed, but a file that fails both is reported by its checksum, as before. */
    @Test
    void aBackupThatFailsBothItsChecksumAndTheCheckIsReportedByItsChecksum() throws Exception {
        BackupInfo b = backupOf("new", 2000);
        Path db = database("app.db", "delete", "old", 5);
        byte[] before = Files.readAllBytes(db);
        try (FileChannel ch = FileChannel.open(b.file(), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[]{(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}), 4096 + 3); // page 2's cell count
        }
        String sha = FileOps.sha256(b.file());
        assertThatThrownBy(() -> Backups.restore(b.file(), db, false)).isInstanceOfSatisfying(LiteShiftException.class, e -> {
            assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
            assertThat(e.getMessage()).isEqualTo("the backup " + b.file() + " is damaged: its SHA-256 is " + sha
                    + ", its manifest says " + b.sha256() + ". Nothing was changed. Restore another backup.");
        });

        Files.write(b.file(), new byte[(int) b.size()]); // same size, not a database at all
        String zeros = FileOps.sha256(b.file());
        assertThatThrownBy(() -> Backups.restore(b.file(), db, false)).hasMessageContaining("its SHA-256 is " + zeros)
                .hasMessageNotContaining("cannot be read");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void aBackupWithoutManifestIsRefusedAndAMissingTargetIsCreated() throws Exception {
        BackupInfo b = backupOf("new", 10);
        Path fresh = dir.resolve("fresh.db");
        RestoreResult r = Backups.restore(b.file(), fresh, false);
        assertThat(r.replaced()).isNull();
        assertThat(content(fresh)).isEqualTo("new:10");
        Files.delete(Manifest.of(b.file()));
        assertThatThrownBy(() -> Backups.restore(b.file(), fresh, false)).hasMessageContaining("has no manifest");
    }

    @Test
    void aTargetThatIsNotADatabaseIsReplacedOnlyWithForce() throws Exception {
        BackupInfo b = backupOf("new", 10);
        Path db = dir.resolve("app.db");
        Files.writeString(db, "not a database, but somebody's file");
        assertThatThrownBy(() -> Backups.restore(b.file(), db, false)).hasMessageContaining("Backups.restore(backup, database, true) replaces it anyway");
        assertThat(Files.readString(db)).startsWith("not a database");
        RestoreResult r = Backups.restore(b.file(), db, true);
        assertThat(content(db)).isEqualTo("new:10");
        assertThat(Files.readString(r.replaced())).startsWith("not a database");
    }
}
