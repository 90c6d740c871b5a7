package io.liteshift.doctor;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every finding reproduced on real files, through the real driver. */
class DoctorTest {
    private static final String NOTES = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n";
    private static final String NOTES_V2 = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL DEFAULT '');\n";

    @TempDir
    Path tmp;
    Fixture f;

    @BeforeEach
    void project() {
        f = new Fixture(tmp);
    }

    private static void onlyError(DoctorReport r, String code) {
        assertThat(r.findings()).as(r.toString()).filteredOn(x -> x.severity() == Diagnosis.Severity.ERROR)
                .extracting(Diagnosis::code).containsExactly(code);
    }

    @Test
    void healthyMigratedDatabaseHasNoErrorsOrWarnings() {
        f.generate(NOTES, "notes").migrate().sql("PRAGMA journal_mode=WAL", "INSERT INTO notes VALUES (1, 'a')");
        DoctorReport r = f.doctor().examine();
        assertThat(r.hasErrors()).as(r.toString()).isFalse();
        assertThat(r.count(Diagnosis.Severity.WARNING)).as(r.toString()).isZero();
        assertThat(r.find("JOURNAL_MODE")).as("WAL is what we recommend").isEmpty();
        assertThat(r.find("BUSY_TIMEOUT")).hasValueSatisfying(x -> assertThat(x.fix()).contains("5000"));
        assertThat(r.find("SQLITE_VERSION")).hasValueSatisfying(x -> assertThat(x.found()).contains("SQLite 3.", "last written by SQLite 3."));
        assertThat(r.database()).isEqualTo(f.db.toAbsolutePath());
    }

    @Test
    void missingFileInAnExistingDirectory() {
        f.generate(NOTES, "notes");
        DoctorReport r = f.doctor().examine();
        onlyError(r, "DB_MISSING");
        assertThat(r.find("DB_MISSING").orElseThrow().cause()).contains("create it empty", "no such table");
        assertThat(f.db).as("doctor never creates the file").doesNotExist();
    }

    @Test
    void missingParentDirectoryIsAnUnmountedVolume() {
        Path db = tmp.resolve("data-volume").resolve("db").resolve("app.db");
        DoctorReport r = Doctor.of(db).environment(Map.of()).examine();
        onlyError(r, "DB_PARENT_MISSING");
        Diagnosis x = r.find("DB_PARENT_MISSING").orElseThrow();
        assertThat(x.found()).contains(db.getParent().toString(), "nearest existing directory is " + tmp);
        assertThat(x.cause()).contains(tmp.resolve("data-volume").toString(), "volume is not mounted");
        assertThat(tmp.resolve("data-volume")).doesNotExist();
    }

    @Test
    void directoryInsteadOfFile() throws Exception {
        Files.createDirectories(f.db);
        onlyError(f.doctor().examine(), "DB_IS_DIRECTORY");
    }

    @Test
    void notADatabase() throws Exception {
        Files.writeString(f.db, "PGDMP this is a postgres dump, not sqlite\n".repeat(50));
        DoctorReport r = f.doctor().examine();
        onlyError(r, "NOT_A_DATABASE");
        assertThat(r.find("NOT_A_DATABASE").orElseThrow().found()).contains("PGDMP this is a", "2.1 KiB");
    }

    @Test
    void damagedFile() throws Exception {
        f.sql("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)", "CREATE INDEX t_v ON t (v)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO t SELECT i, hex(randomblob(40)) FROM n");
        long pages = Files.size(f.db) / 4096;
        assertThat(pages).isGreaterThan(10);
        try (RandomAccessFile raf = new RandomAccessFile(f.db.toFile(), "rw")) {
            for (long p = 2; p < pages; p += 3) { // leave page 1 (the schema) alone: the file still opens
                raf.seek(p * 4096 + 8);
                raf.write(new byte[200]);
            }
        }
        DoctorReport r = f.doctor().examine();
        assertThat(r.find("DAMAGED")).as(r.toString()).hasValueSatisfying(x -> {
            assertThat(x.severity()).isEqualTo(Diagnosis.Severity.ERROR);
            assertThat(x.found()).contains("quick_check");
            assertThat(x.fix()).contains(".recover");
        });
    }

    @Test
    void emptyDatabaseWhileMigrationsExist() {
        f.generate(NOTES, "notes").generate(NOTES + "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n", "tags");
        f.sql("PRAGMA user_version = 0", "CREATE TABLE x (a)", "DROP TABLE x"); // a real, empty database file
        DoctorReport r = f.doctor().examine();
        onlyError(r, "EMPTY_DATABASE");
        Diagnosis x = r.find("EMPTY_DATABASE").orElseThrow();
        assertThat(x.found()).contains("opened " + f.db, "0 tables", "2 migration(s), up to 0002_tags.sql", "8.0 KiB");
        assertThat(x.cause()).contains("no such table", "DATABASE_URL");
        assertThat(r.find("PENDING")).as("said once, as the error").isEmpty();
    }

    @Test
    void tablesButNeverMigrated() {
        f.generate(NOTES, "notes").sql(NOTES);
        DoctorReport r = f.doctor().examine();
        assertThat(r.find("NOT_BASELINED")).as(r.toString()).hasValueSatisfying(x -> assertThat(x.fix()).contains("liteshift baseline"));
        assertThat(r.hasErrors()).isFalse();
    }

    @Test
    void pendingMigrations() {
        f.generate(NOTES, "notes").migrate().generate(NOTES_V2, "body_not_null");
        DoctorReport r = f.doctor().examine();
        assertThat(r.find("PENDING")).as(r.toString()).hasValueSatisfying(x -> {
            assertThat(x.severity()).isEqualTo(Diagnosis.Severity.WARNING);
            assertThat(x.found()).contains("1 migration(s)", "(at 0001)", "0002_body_not_null.sql");
        });
        assertThat(r.hasErrors()).isFalse();
    }

    @Test
    void drift() {
        f.generate(NOTES, "notes").migrate().sql("ALTER TABLE notes ADD COLUMN added_by_hand TEXT");
        DoctorReport r = f.doctor().examine();
        assertThat(r.find("DRIFT")).as(r.toString()).hasValueSatisfying(x -> assertThat(x.found()).contains("added_by_hand"));
    }

    @Test
    void editedAppliedMigrationIsAHistoryError() throws Exception {
        f.generate(NOTES, "notes").migrate();
        Path m = f.migrations.resolve("0001_notes.sql");
        Files.writeString(m, Files.readString(m) + "\n-- edited\n");
        f.liteshift().hash();
        DoctorReport r = f.doctor().examine();
        onlyError(r, "HISTORY_CHECKSUM");
        assertThat(r.find("HISTORY_CHECKSUM").orElseThrow().fix()).contains("liteshift repair");
    }

    @Test
    void lowDiskForThePendingRebuild() {
        f.generate(NOTES, "notes").migrate()
                .sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) INSERT INTO notes SELECT i, hex(randomblob(100)) FROM n")
                .generate(NOTES_V2, "body_not_null");
        DoctorReport plenty = f.doctor().examine();
        assertThat(plenty.find("LOW_DISK")).isEmpty();
        DoctorReport r = f.doctor().usableSpace(100_000).examine();
        Diagnosis x = r.find("LOW_DISK").orElseThrow();
        assertThat(x.severity()).isEqualTo(Diagnosis.Severity.ERROR);
        assertThat(x.found()).contains("97.7 KiB (100000 bytes) usable", "the size of notes with its indexes, the largest table a pending migration rebuilds");
    }

    @Test
    void lowDiskWithNothingPendingIsAWarningAgainstTheFileSize() throws Exception {
        f.generate(NOTES, "notes").migrate();
        DoctorReport r = f.doctor().usableSpace(1000).examine();
        Diagnosis x = r.find("LOW_DISK").orElseThrow();
        assertThat(x.severity()).isEqualTo(Diagnosis.Severity.WARNING);
        assertThat(x.found()).contains("the database file's size (an upper bound", Files.size(f.db) + " bytes");
    }

    @Test
    void releaseMachine() {
        f.generate(NOTES, "notes").migrate();
        DoctorReport r = f.doctor().environment(Map.of("RELEASE_COMMAND", "1")).examine();
        onlyError(r, "FLY_RELEASE_MACHINE");
        assertThat(r.find("FLY_RELEASE_MACHINE").orElseThrow().fix()).contains("release_command", "on boot");
        assertThat(f.doctor().environment(Map.of("FLY_APP_NAME", "shop")).examine().find("FLY_RELEASE_MACHINE")).isEmpty();
    }

    @Test
    void liteFsReplica() throws Exception {
        f.generate(NOTES, "notes").migrate();
        Files.writeString(f.db.resolveSibling(".primary"), "shop-primary-1.vm.shop.internal\n");
        DoctorReport r = f.doctor().examine();
        assertThat(r.find("LITEFS_REPLICA")).hasValueSatisfying(x -> {
            assertThat(x.found()).contains("shop-primary-1.vm.shop.internal");
            assertThat(x.fix()).contains("Migrate on the primary (shop-primary-1.vm.shop.internal)");
        });
        Files.delete(f.db.resolveSibling(".primary"));
        assertThat(f.doctor().examine().find("LITEFS_REPLICA")).as("the primary has no .primary").isEmpty();
    }

    @Test
    void rollbackJournalModeAndForeignKeysAreNoted() {
        f.generate("CREATE TABLE a (id INTEGER PRIMARY KEY);\nCREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id));\n", "ab").migrate();
        DoctorReport r = f.doctor().examine();
        assertThat(r.find("JOURNAL_MODE")).hasValueSatisfying(x -> assertThat(x.found()).contains("journal_mode=delete"));
        assertThat(r.find("FOREIGN_KEYS")).hasValueSatisfying(x -> assertThat(x.found()).contains("declares 1 foreign key"));
    }
}
