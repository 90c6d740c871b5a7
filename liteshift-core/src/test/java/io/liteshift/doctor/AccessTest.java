package io.liteshift.doctor;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * "Attempt to write a readonly database" reproduced from the file attributes: real files whose owner (chown needs
 * root, which the build runs as here) and mode are set, checked for an application user, uid 1234.
 */
class AccessTest {
    private static final int APP = 1234;
    private static final Access AS_APP = Access.user(APP, Set.of(APP));

    @TempDir
    Path tmp;
    Fixture f;

    @BeforeEach
    void migratedDatabaseOwnedByTheApp() throws Exception {
        assumeTrue(Access.uidOf(Path.of("/proc/self")) != null && Access.uidOf(Path.of("/proc/self")) == 0, "chown needs root");
        f = new Fixture(tmp);
        f.generate("CREATE TABLE notes (id INTEGER PRIMARY KEY);\n", "notes").migrate();
        own(f.db.getParent(), APP, "rwxr-xr-x");
        own(f.db, APP, "rw-r--r--");
    }

    private static void own(Path p, int uid, String mode) throws Exception {
        Files.setAttribute(p, "unix:uid", uid);
        Files.setAttribute(p, "unix:gid", uid);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }

    @Test
    void everythingOwnedByTheAppIsFine() {
        DoctorReport r = f.doctor().access(AS_APP).examine();
        assertThat(r.hasErrors()).as(r.toString()).isFalse();
    }

    @Test
    void fileCreatedByRoot() throws Exception {
        own(f.db, 0, "rw-r--r--");
        DoctorReport r = f.doctor().access(AS_APP).examine();
        Diagnosis x = r.find("DB_NOT_WRITABLE").orElseThrow();
        assertThat(x.found()).contains(f.db + " is owned by root (uid 0, gid 0), mode rw-r--r--", "not writable by uid 1234");
        assertThat(x.cause()).contains("attempt to write a readonly database");
        assertThat(x.fix()).contains("chown -R 1234 " + f.db.getParent(), "entrypoint");
        assertThat(r.find("DIR_NOT_WRITABLE")).isEmpty();
    }

    @Test
    void groupWritableFileOfAnotherOwnerIsWritableForTheGroup() throws Exception {
        own(f.db, 0, "rw-rw-r--");
        Files.setAttribute(f.db, "unix:gid", APP);
        assertThat(f.doctor().access(AS_APP).examine().find("DB_NOT_WRITABLE")).isEmpty();
        assertThat(f.doctor().access(Access.user(4321, Set.of(4321))).examine().find("DB_NOT_WRITABLE")).isPresent();
    }

    @Test
    void directoryOwnedByRoot() throws Exception {
        own(f.db.getParent(), 0, "rwxr-xr-x");
        DoctorReport r = f.doctor().access(AS_APP).examine();
        assertThat(r.find("DIR_NOT_WRITABLE")).as(r.toString()).hasValueSatisfying(x -> {
            assertThat(x.found()).contains("the directory " + f.db.getParent() + " is owned by root", "mode rwxr-xr-x");
            assertThat(x.cause()).contains("app.db-journal", "attempt to write a readonly database");
        });
        assertThat(r.find("DB_NOT_WRITABLE")).isEmpty();
    }

    @Test
    void walFilesLeftByRoot() throws Exception {
        f.sql("PRAGMA journal_mode=WAL");
        // an open connection keeps -wal and -shm; a root process (a one-off migration, say) made them
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f.db); Statement s = c.createStatement()) {
            s.execute("INSERT INTO notes VALUES (1)");
            Path wal = f.db.resolveSibling("app.db-wal");
            assertThat(wal).exists();
            own(wal, 0, "rw-r--r--");
            DoctorReport r = f.doctor().access(AS_APP).examine();
            assertThat(r.findings()).as(r.toString()).filteredOn(x -> x.code().equals("SIDE_FILE_NOT_WRITABLE"))
                    .extracting(Diagnosis::found).anySatisfy(found -> assertThat(found).startsWith(wal + " is owned by root"));
        }
    }

    @Test
    void rootMayWriteAnything() throws Exception {
        own(f.db, APP, "r--r--r--");
        assertThat(f.doctor().access(Access.user(0, Set.of(0))).examine().find("DB_NOT_WRITABLE")).isEmpty();
        assertThat(f.doctor().access(AS_APP).examine().find("DB_NOT_WRITABLE")).as("mode r--: not even the owner").isPresent();
    }

    @Test
    void missingFileInADirectoryTheAppCannotWrite() throws Exception {
        Files.delete(f.db);
        own(f.db.getParent(), 0, "rwxr-xr-x");
        Diagnosis x = f.doctor().access(AS_APP).examine().find("DB_MISSING").orElseThrow();
        assertThat(x.found()).contains("owned by root", "not writable by uid 1234");
        assertThat(x.cause()).contains("cannot create the file", "unable to open database file");
        assertThat(x.fix()).contains("Otherwise: Give", "chown -R 1234 " + f.db.getParent());
        assertThat(f.doctor().access(Access.user(0, Set.of(0))).examine().find("DB_MISSING").orElseThrow().cause())
                .as("root could create it: empty").contains("create it empty");
    }
}
