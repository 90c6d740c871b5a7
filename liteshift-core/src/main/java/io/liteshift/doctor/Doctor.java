package io.liteshift.doctor;

import io.liteshift.migrate.Migration;
import io.liteshift.migrate.MigrationDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The runbook's common errors, diagnosed before they bite: a missing or misplaced database file, one the
 * application cannot write, a damaged file, an empty database where migrations exist, pending migrations and
 * drift, the settings each connection must make, disk space for the next rebuild, a Fly.io release machine (no
 * volume) and a LiteFS replica (no writes). Reads only; never creates the file.
 *
 * <pre>{@code
 * DoctorReport r = Doctor.of(Path.of("/data/sqlite.db")).migrations(MigrationDirectory.of(Path.of("migrations"))).examine();
 * }</pre>
 */
public final class Doctor {
    private final Path database;
    private MigrationDirectory migrations;
    private Path backups;
    private Map<String, String> environment = System.getenv();
    private OptionalLong usableSpace = OptionalLong.empty();
    private Access access = Access.process();

    private Doctor(Path database) {
        this.database = database.toAbsolutePath().normalize();
    }

    public static Doctor of(Path database) {
        return new Doctor(database);
    }

    /** The migrations the database should have; without them the schema checks are skipped. */
    public Doctor migrations(MigrationDirectory dir) {
        this.migrations = dir;
        return this;
    }

    /** Where the database's backups are: a damaged file's finding names the restore command for the newest intact one. */
    public Doctor backups(Path dir) {
        this.backups = dir;
        return this;
    }

    /** The environment to read (RELEASE_COMMAND); the process's by default. */
    public Doctor environment(Map<String, String> env) {
        this.environment = Map.copyOf(env);
        return this;
    }

    /** Free bytes to assume on the database's volume instead of asking the file system. */
    public Doctor usableSpace(long bytes) {
        this.usableSpace = OptionalLong.of(bytes);
        return this;
    }

    /** Whose write access to check: this process by default. */
    Doctor access(Access who) {
        this.access = who;
        return this;
    }

    public DoctorReport examine() {
        List<Finding> out = new ArrayList<>();
        releaseMachine(out);
        if (FileChecks.location(database, access, out)) {
            FileChecks.writable(database, access, out);
            FileChecks.liteFs(database, out);
            DatabaseChecks.header(database, recovery(), out).ifPresent(h -> contents(h, out));
        }
        return new DoctorReport(database, out);
    }

    private void contents(DatabaseChecks.Header header, List<Finding> out) {
        Optional<Connection> opened = DatabaseChecks.open(database, recovery(), out);
        if (opened.isEmpty()) return;
        try (Connection c = opened.get()) {
            if (DatabaseChecks.damaged(c, database, recovery(), out)) return; // the other checks would read the damaged pages
            List<Migration> pending = migrations == null ? List.of() : MigrationChecks.check(c, database, header.size(), migrations, out);
            DatabaseChecks.settings(c, database, header, out);
            OptionalLong usable = usable();
            if (usable.isPresent()) {
                DiskCheck.check(database, usable.getAsLong(), DiskCheck.estimate(c, header.size(), pending), !pending.isEmpty(), out);
            }
        } catch (SQLException | RuntimeException e) {
            out.add(Finding.error("CHECK_FAILED", "examining " + database + " failed: " + e.getMessage(),
                    "doctor could not finish; the checks after this one did not run.",
                    "Run `liteshift verify` for the migration checks, and report this message."));
        }
    }

    private io.liteshift.backup.Damage.Recovery recovery() {
        return new io.liteshift.backup.Damage.Recovery(database, backups);
    }

    private OptionalLong usable() {
        if (usableSpace.isPresent()) return usableSpace;
        try {
            return OptionalLong.of(Files.getFileStore(database).getUsableSpace());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Fly.io sets RELEASE_COMMAND=1 on the temporary machine that runs {@code release_command}. That machine has no
     * volumes, so a database path there is on a throwaway disk.
     */
    private void releaseMachine(List<Finding> out) {
        String flag = environment.get("RELEASE_COMMAND");
        if (flag == null || flag.isBlank()) return;
        out.add(Finding.error("FLY_RELEASE_MACHINE", "RELEASE_COMMAND=" + flag + ": this is a Fly.io release machine, which"
                        + " runs release_command before the deployment.",
                "Release machines are temporary and have no volumes: " + database + " is either missing or a throwaway file."
                        + " Migrating here changes nothing the application will read (or creates an empty database that is"
                        + " discarded), and the application then fails with \"no such table\".",
                "Remove the migration from release_command in fly.toml and migrate on boot, before the application serves"
                        + " traffic (`liteshift migrate` in the entrypoint, or LiteShift.configure()...migrate() at start-up)."));
    }
}
