package io.liteshift.sqlite;

import io.liteshift.DirectoryState;
import io.liteshift.LiteShift;
import io.liteshift.LiteShiftException;
import io.liteshift.PushOptions;
import io.liteshift.doctor.Diagnosis;
import io.liteshift.doctor.Doctor;
import io.liteshift.doctor.DoctorReport;
import io.liteshift.migrate.MigrationDirectory;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A zero-byte file is not an existing database: it needs --create like a missing one (backup: see EmptyFileBackupTest). */
class ZeroByteDatabaseTest {
    @TempDir
    Path dir;
    Path empty;
    Path schema;

    @BeforeEach
    void anEmptyFileWhereTheDatabaseShouldBe() throws Exception {
        empty = Files.createFile(dir.resolve("app.db"));
        schema = Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY);\n");
    }

    private LiteShiftException refused(ThrowableAssert.ThrowingCallable call) {
        DirectoryState before = DirectoryState.of(dir);
        LiteShiftException e = catchThrowableOfType(LiteShiftException.class, call);
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
        assertThat(DirectoryState.of(dir)).isEqualTo(before);
        return e;
    }

    @Test
    void openingItWithoutCreateIsRefusedLikeAMissingFileAndSaysItIsEmpty() {
        for (boolean readOnly : new boolean[] {true, false}) {
            assertThat(refused(() -> Databases.open(empty, false, readOnly)).getMessage())
                    .contains(empty.toAbsolutePath() + " is an empty file (0 bytes), not a database yet", "pass createMissing(true)")
                    .endsWith("Nothing was changed.");
        }
        assertThat(refused(() -> LiteShift.push(empty.toString(), schema, PushOptions.defaults())).getMessage()).contains("0 bytes");
        assertThat(refused(() -> LiteShift.configure().database(empty.toString()).migrations(dir.resolve("m")).load().status())
                .getMessage()).contains("0 bytes");
    }

    @Test
    void withCreateItBecomesTheNewDatabase() throws Exception {
        LiteShift.push(empty.toString(), schema, PushOptions.defaults().creatingMissing());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + empty);
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM sqlite_schema WHERE name = 't'")) {
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        assertThat(Databases.holdsDatabase(empty)).isTrue();
    }

    @Test
    void doctorReportsItAsAnEmptyDatabaseThatNeedsCreate() throws Exception {
        Path migrations = Files.createDirectory(dir.resolve("migrations"));
        LiteShift.configure().database(dir.resolve("scratch.db").toString()).migrations(migrations).schema(schema).load().generate("init");
        DoctorReport r = Doctor.of(empty).migrations(MigrationDirectory.of(migrations)).examine();
        Diagnosis f = r.find("EMPTY_DATABASE").orElseThrow(() -> new AssertionError(r.toString()));
        assertThat(f.found()).contains("0 bytes", "0 tables");
        assertThat(f.fix()).contains("liteshift migrate --create", "a 0-byte file counts as missing");
        assertThat(r.find("CANNOT_OPEN")).isEmpty();
        assertThat(Files.size(empty)).isZero();
    }

    @Test
    void aZeroByteFileWhoseWriteAheadLogHoldsFramesIsADatabase() throws Exception {
        Files.write(dir.resolve("app.db-wal"), new byte[] {1, 2, 3});
        assertThat(Databases.holdsDatabase(empty)).isTrue();
        assertThat(Databases.holdsDatabase(dir.resolve("missing.db"))).isFalse();
    }

    @Test
    void aRefusedCommandThatMayCreateTheFileLeavesNoEmptyFileBehind() throws Exception {
        Path fresh = dir.resolve("fresh.db");
        Path migrations = Files.createDirectory(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("0001_init.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY);\n"); // no liteshift.sum: refused
        LiteShift ls = LiteShift.configure().database(fresh.toString()).migrations(migrations).createMissing(true).lintBeforeMigrate(false).load();
        LiteShiftException e = catchThrowableOfType(LiteShiftException.class, ls::migrate);
        assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.REFUSED_HISTORY);
        assertThat(fresh).doesNotExist();
        assertThat(dir.resolve("fresh.db-journal")).doesNotExist();
    }
}
