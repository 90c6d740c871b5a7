package io.liteshift.doctor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database on a file system mounted read-only: a real tmpfs, remounted read-only. Needs root (and a kernel that
 * lets it mount); skipped elsewhere, with the reason.
 */
class ReadOnlyMountTest {
    @TempDir
    Path tmp;
    private Path mount;

    @Test
    void aReadOnlyMountIsNamedAsTheCause() throws Exception {
        mount = tmp.resolve("volume");
        Files.createDirectories(mount);
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString()),
                "cannot mount a tmpfs here (needs root): the read-only mount finding is not exercised");
        Path db = mount.resolve("app.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)");
        }
        assertThat(run("mount", "-o", "remount,ro", mount.toString())).as("remount read-only").isTrue();

        DoctorReport r = Doctor.of(db).environment(Map.of()).examine();

        assertThat(r.find("READ_ONLY_MOUNT")).as(r.toString()).hasValueSatisfying(f -> {
            assertThat(f.severity()).isEqualTo(Diagnosis.Severity.ERROR);
            assertThat(f.found()).contains(db.toString(), "read-only");
            assertThat(f.cause()).contains("readonly database");
        });
    }

    /** migrate's own failure on such a mount points at the mount, not at the migration (which is fine). */
    @Test
    void aMigrationRefusedByTheMountIsNotBlamedOnTheMigration() throws Exception {
        Fixture f = new Fixture(tmp);
        mount = f.db.getParent();
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString()),
                "cannot mount a tmpfs here (needs root): a migrate refused by a read-only mount is not exercised");
        f.generate("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n", "notes").migrate();
        assertThat(run("mount", "-o", "remount,ro", mount.toString())).as("remount read-only").isTrue();
        byte[] before = Files.readAllBytes(f.db);
        f.generate("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\nCREATE INDEX notes_body ON notes (body);\n", "by_body");

        assertThatThrownBy(() -> f.liteshift().migrate())
                .hasMessageContaining("readonly database")
                .hasMessageContaining("The migration itself may be fine").hasMessageContaining("`LiteShift#doctor()`")
                .hasMessageNotContaining("Fix the migration");
        assertThat(Files.readAllBytes(f.db)).isEqualTo(before);
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) run("umount", mount.toString());
    }

    private static boolean run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
