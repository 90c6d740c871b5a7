package io.liteshift.backup;

import io.liteshift.LiteShiftException;
import io.liteshift.testing.TestDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A zero-byte file is no database: it is never backed up (a "verified" 0-byte backup restores nothing), yet restore replaces it. */
class EmptyFileBackupTest {
    @TempDir
    Path dir;
    Path empty;

    @BeforeEach
    void anEmptyFile() throws Exception {
        empty = Files.createFile(dir.resolve("app.db"));
    }

    @Test
    void backupRefusesItAndWritesNothing() {
        Path backups = dir.resolve("backups");
        LiteShiftException e = catchThrowableOfType(LiteShiftException.class, () -> Backups.backup(empty, backups));
        assertThat(e.reason()).isEqualTo(LiteShiftException.Reason.INVALID_INPUT);
        assertThat(e.getMessage()).contains("is an empty file (0 bytes), not a database: there is nothing to back up")
                .endsWith("Nothing was written.");
        assertThat(backups).doesNotExist();
        assertThat(empty.toFile().length()).isZero();
    }

    @Test
    void restoreReplacesItAsItReplacesAnyTarget() throws Exception {
        Path source = dir.resolve("source.db");
        TestDb.exec(source, "CREATE TABLE t (id INTEGER PRIMARY KEY)", "INSERT INTO t VALUES (1), (2)");
        Backups.restore(Backups.backup(source, dir.resolve("backups")).file(), empty, false);
        assertThat(TestDb.queryLong(empty, "SELECT count(*) FROM t")).isEqualTo(2);
        assertThat(TestDb.text(empty, "PRAGMA integrity_check")).isEqualTo("ok");
    }
}
