package io.liteshift.cli;

import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command that writes the database, run against one on a volume mounted read-only (a real tmpfs, remounted
 * read-only; skipped where mount is refused): each fails saying what doctor would say, which is the cause and its fix,
 * not only SQLite's "attempt to write a readonly database"; and the file is byte for byte as it was.
 */
class ReadOnlyVolumeTest extends InTemporaryWorkingDirectory {
    private static final String DIAGNOSIS = "doctor (READ_ONLY_MOUNT): ";
    @TempDir
    static Path root;
    private static Tmpfs tmpfs;
    private static Path volume;
    private Path db;
    private byte[] before;

    @BeforeAll
    static void mountAVolume() throws Exception {
        tmpfs = Tmpfs.mount(root.resolve("volume"), "8m").orElse(null);
        Assumptions.assumeTrue(tmpfs != null, "cannot mount a tmpfs here (needs root): the read-only volume tests are skipped");
        volume = tmpfs.root;
    }

    @AfterAll
    static void unmount() throws Exception {
        if (tmpfs != null) tmpfs.close();
    }

    /** A migrated database on the volume (0001 applied; 0002 pending), a seed, a backup of it beside the project. */
    @BeforeEach
    void aDatabaseOnTheVolume() throws Exception {
        tmpfs.readOnly(false);
        tmpfs.clear();
        db = volume.resolve("app.db");
        TestDb.writeSchema(dir.resolve("schema.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n");
        assertThat(Cli.run("generate", "--name", "init").exitCode()).isZero();
        assertThat(Cli.run("migrate", "--db", db.toString(), "--create").exitCode()).isZero();
        TestDb.writeSchema(dir.resolve("schema.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, pinned INTEGER);\n");
        assertThat(Cli.run("generate", "--name", "pinned").exitCode()).isZero();
        assertThat(Cli.run("backup", "--db", db.toString(), "--to", dir.resolve("backups").toString()).exitCode()).isZero();
        TestDb.exec(volume.resolve("legacy.db"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"); // never migrated
        tmpfs.readOnly(true);
        before = Files.readAllBytes(db);
    }

    @AfterEach
    void theFileIsAsItWas() throws Exception {
        assertThat(Files.readAllBytes(db)).as("byte for byte").isEqualTo(before);
    }

    @Test
    void push() {
        assertExplained(Cli.run("push", "--db", db.toString()), db);
    }

    @Test
    void migrate() {
        Cli.Result r = Cli.run("migrate", "--db", db.toString());
        assertExplained(r, db);
        assertThat(r.err()).contains("The migration itself may be fine").doesNotContain("Fix the migration");
    }

    @Test
    void seed() throws Exception {
        assertThat(Cli.run("migrate", "--db", db.toString()).exitCode()).as("(still pending: seed refuses first)").isNotZero();
        Files.delete(dir.resolve("migrations").resolve("0002_pinned.sql"));
        assertThat(Cli.run("hash").exitCode()).isZero();
        Files.createDirectories(dir.resolve("seeds"));
        Files.writeString(dir.resolve("seeds").resolve("0001_notes.sql"), "INSERT INTO notes (body) VALUES ('hello');\n");
        assertExplained(Cli.run("seed", "--db", db.toString()), db);
    }

    @Test
    void baseline() throws Exception {
        Path legacy = volume.resolve("legacy.db");
        byte[] legacyBefore = Files.readAllBytes(legacy);
        assertExplained(Cli.run("baseline", "--db", legacy.toString(), "--version", "1"), legacy);
        assertThat(Files.readAllBytes(legacy)).isEqualTo(legacyBefore);
    }

    @Test
    void repair() throws Exception {
        Path migration = dir.resolve("migrations").resolve("0001_init.sql");
        Files.writeString(migration, "-- a reviewed comment\n" + Files.readString(migration));
        assertThat(Cli.run("hash").exitCode()).isZero();
        assertExplained(Cli.run("repair", "--db", db.toString()), db);
    }

    @Test
    void restore() throws Exception {
        Path backup;
        try (Stream<Path> s = Files.list(dir.resolve("backups"))) {
            backup = s.filter(p -> p.toString().endsWith(".sqlite")).findFirst().orElseThrow();
        }
        Cli.Result r = Cli.run("restore", backup.toString(), "--db", db.toString(), "--yes");
        assertThat(r.exitCode()).as(r.toString()).isNotZero();
        assertThat(r.err()).as(r.toString()).contains("the database was not changed", "Read-only file system",
                DIAGNOSIS + db + " is on a file system mounted read-only", "\nFix: Mount it read-write");
    }

    @Test
    void backupIntoADirectoryOnTheVolume() throws Exception {
        Path elsewhere = TestDb.exec(dir.resolve("elsewhere.db"), "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
        Cli.Result r = Cli.run("backup", "--db", elsewhere.toString(), "--to", volume.toString());
        assertThat(r.exitCode()).as(r.toString()).isNotZero();
        assertThat(r.err()).as(r.toString()).contains(DIAGNOSIS + volume + " is on a file system mounted read-only", "\nFix: Mount it read-write",
                "or use a directory on a writable volume", "Nothing was changed.");
    }

    private static void assertExplained(Cli.Result r, Path db) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).as(r.toString()).contains("readonly database", DIAGNOSIS + db + " is on a file system mounted read-only (tmpfs,"
                + " type tmpfs).\nFix: Mount it read-write (remove \":ro\" / readOnly: true from the volume definition), or point DATABASE_URL at"
                + " a writable volume.");
        CliAssertions.assertNoStackTrace(r);
    }
}
