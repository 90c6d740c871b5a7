package io.liteshift.cli;

import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database on a small volume (a real 16 MiB tmpfs, mounted for the test; skipped where mount is refused, i.e. not
 * root). A rebuild the volume has no room for is refused before it starts (exit 4, bytes needed and free); one that
 * fills the disk anyway (the estimate is low: a DEFAULT fills every row) says "disk full" on that volume, rolls back
 * and leaves the file byte for byte as it was, readable read-only, with no journal beside it. The liteshift processes
 * are real ones, so that their whole stderr is seen: no SQLite code, no "cannot commit", no WARN line.
 */
class FullDiskTest {
    @TempDir
    static Path root;
    private static Tmpfs tmpfs;
    private static Path volume;

    @TempDir
    Path dir;
    private Path db;

    @BeforeAll
    static void mountASmallVolume() throws Exception {
        tmpfs = Tmpfs.mount(root.resolve("volume"), "16m").orElse(null);
        Assumptions.assumeTrue(tmpfs != null, "cannot mount a tmpfs here (needs root): the full-disk tests are skipped");
        volume = tmpfs.root;
    }

    @AfterAll
    static void unmount() throws Exception {
        if (tmpfs != null) tmpfs.close();
    }

    /** A 3 MB table t on the empty volume, and its migrations (0001 makes t; 0002 rebuilds it). */
    @BeforeEach
    void aThreeMegabyteTable() throws Exception {
        tmpfs.clear();
        db = volume.resolve("app.db");
        Files.writeString(dir.resolve("v1.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);\n");
        assertThat(cli("generate", "--schema", "v1.sql", "--name", "init").exitCode()).isZero();
        assertThat(cli("migrate", "--db", db.toString(), "--create").exitCode()).isZero();
        TestDb.exec(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
                + " INSERT INTO t SELECT i, hex(randomblob(500)) FROM n");
        Files.writeString(dir.resolve("v2.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT NOT NULL DEFAULT '');\n");
        assertThat(cli("generate", "--schema", "v2.sql", "--name", "not_null").exitCode()).isZero();
    }

    @Test
    void aPushTheVolumeHasNoRoomForIsRefusedBeforeItStarts() throws Exception {
        leaveFree(2_500_000); // the rebuild needs twice the table's 3 MB
        byte[] before = Files.readAllBytes(db);
        for (String dryRun : List.of("--dry-run", "--yes")) {
            Cli.Result r = cli("push", "--db", db.toString(), "--schema", "v2.sql", dryRun);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
            assertThat(r.err()).as(r.toString()).containsPattern("liteshift: refused pushing .*v2\\.sql to " + db + ": not enough free disk"
                    + " space on the volume of " + db + " \\(" + volume + " \\(tmpfs\\)\\): the rebuild needs about [\\d.]+ MiB \\(\\d+ bytes\\),"
                    + " twice the [\\d.]+ MiB \\(\\d+ bytes\\) of t with its indexes .*; [\\d.]+ MiB \\(\\d+ bytes\\) are free\\. .*Nothing was changed\\.");
            assertUnchanged(before);
        }
    }

    @Test
    void aMigrationTheVolumeHasNoRoomForIsRefusedBeforeItStarts() throws Exception {
        leaveFree(2_500_000);
        byte[] before = Files.readAllBytes(db);
        Cli.Result r = cli("migrate", "--db", db.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).as(r.toString()).contains("0002_not_null.sql:", "error [disk-space] not enough free disk space: the rebuild needs about",
                "of t with its indexes", "the volume of " + db + " (" + volume + " (tmpfs)) has", "Free space on the volume, then migrate again",
                "Nothing was changed.").containsPattern("needs about [\\d.]+ MiB \\(\\d+ bytes\\)").doesNotContain("lint-ignore");
        assertUnchanged(before);
    }

    @ParameterizedTest(name = "journal_mode={0}")
    @ValueSource(strings = {"DELETE", "WAL"})
    void aPushThatFillsTheDiskAnywaySaysSoAndChangesNothing(String mode) throws Exception {
        setJournalMode(mode);
        leaveFree(9_000_000); // enough for the estimate (twice 3 MB); not for 3,000 rows of 4 kB each
        Files.writeString(dir.resolve("padded.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, pad BLOB NOT NULL DEFAULT (zeroblob(4000)));\n");
        byte[] before = Files.readAllBytes(db);
        Cli.Result r = cli("push", "--db", db.toString(), "--schema", "padded.sql");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).as(r.toString()).startsWith("liteshift: disk full: the volume of " + db + " (" + volume + " (tmpfs), ")
                .contains("ran out of space while pushing", "estimated to need about", "Free space on that volume", "then push again")
                .doesNotContain("cannot commit", "no transaction is active", "WARN", "rollback failed", "SQLITE_", "returned 13");
        assertUnchanged(before);
    }

    @Test
    void aForcedMigrationThatFillsTheDiskBlamesTheDiskNotTheMigration() throws Exception {
        leaveFree(2_500_000);
        byte[] before = Files.readAllBytes(db);
        Cli.Result r = cli("migrate", "--db", db.toString(), "--force");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).as(r.toString()).contains("0002_not_null.sql", "disk full: the volume of " + db + " (" + volume + " (tmpfs), ",
                        "Migration 0002 was rolled back entirely", "The migration itself may be fine: the volume is full. Free space on it")
                .doesNotContain("Fix the migration", "liteshift hash", "cannot commit", "WARN", "SQLITE_");
        assertUnchanged(before);
    }

    @Test
    void aBackupToAFullVolumeRemovesItsPartialFile() throws Exception {
        Path elsewhere = dir.resolve("elsewhere.db");
        Files.move(db, elsewhere);
        leaveFree(1_000_000);
        Path backups = volume.resolve("backups");
        // in either mode the file copy (cp) runs out of space first; the backup API, which it falls back to, then does too
        for (String mode : List.of("DELETE", "WAL")) {
            TestDb.exec(elsewhere, "PRAGMA journal_mode = " + mode);
            Cli.Result r = cli("backup", "--db", elsewhere.toString(), "--to", backups.toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).as(r.toString()).startsWith("liteshift: disk full: the volume of " + backups + " (" + volume + " (tmpfs), ")
                    .contains("ran out of space while writing the backup of " + elsewhere, "the backup needs about", "the size of the database",
                            "The partial file was removed.", "Nothing was changed.").doesNotContain("returned", "SQLITE_", "WARN");
            try (Stream<Path> s = Files.list(backups)) {
                assertThat(s.toList()).as("no partial file").isEmpty();
            }
        }
    }

    private void assertUnchanged(byte[] before) throws Exception {
        assertThat(Files.readAllBytes(db)).as("byte for byte").isEqualTo(before);
        assertThat(db.resolveSibling("app.db-journal")).as("no hot journal").doesNotExist();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*), max(length(a)) FROM t")) {
            rs.next();
            assertThat(rs.getLong(1)).as("readable read-only, every row there").isEqualTo(3000);
        }
        assertThat(TestDb.sound(db)).isTrue();
        assertThat(TestDb.column(db, "SELECT version FROM liteshift_migrations")).containsExactly("1");
    }

    private void setJournalMode(String mode) {
        TestDb.exec(db, "PRAGMA journal_mode = " + mode);
    }

    /** Fills the volume with a file until about {@code bytes} are left. */
    private static void leaveFree(long bytes) throws Exception {
        long usable = Files.getFileStore(volume).getUsableSpace();
        Files.write(volume.resolve("filler"), new byte[(int) Math.max(0, usable - bytes)]);
    }

    private Cli.Result cli(String... args) throws InterruptedException {
        return CliProcess.run(dir, dir.resolve("tmp"), List.of(), args);
    }
}
