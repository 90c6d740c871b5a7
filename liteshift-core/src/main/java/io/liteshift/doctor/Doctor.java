package io.liteshift.doctor;

import io.liteshift.backup.BackupLeftover;
import io.liteshift.backup.Backups;
import io.liteshift.backup.Damage;
import io.liteshift.migrate.Migration;
import io.liteshift.migrate.MigrationDirectory;
import io.liteshift.sqlite.Bytes;
import io.liteshift.sqlite.DiskSpace;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

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

    /**
     * The backups directory: partial backups that stopped processes left there are reported, and a damaged file's
     * finding names the restore command for the newest intact backup; not looked at by default.
     */
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

    /**
     * Why writing {@code db} fails ("attempt to write a readonly database"), as doctor's write-access findings say it:
     * each thing found with its fix, for the message of the command that failed. Empty when they find nothing wrong.
     */
    public static Optional<String> explainRefusedWrite(Path db) {
        Path file = db.toAbsolutePath().normalize();
        List<Diagnosis> out = new ArrayList<>();
        if (Files.exists(file)) FileChecks.writable(file, Access.process(), out);
        else if (file.getParent() != null && Files.isDirectory(file.getParent())) FileChecks.writableDirectory(file.getParent(), Access.process(), out);
        return explained(out);
    }

    /**
     * Whether {@code failure} is the file system refusing a write: permission denied, a read-only file system, or SQLite
     * unable to create or write its file (SQLITE_CANTOPEN, SQLITE_READONLY). Then doctor's write-access checks can say why.
     */
    public static boolean refusedWrite(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof AccessDeniedException || String.valueOf(c.getMessage()).contains("Read-only file system")) return true;
            if (c instanceof SQLiteException e && e.getResultCode() != null) {
                int primary = e.getResultCode().code & 0xff;
                if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code || primary == SQLiteErrorCode.SQLITE_READONLY.code) return true;
            }
        }
        return false;
    }

    /** The same for a directory liteshift writes its own files into, such as the backups directory. */
    public static Optional<String> explainUnwritableDirectory(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        while (d != null && !Files.isDirectory(d)) d = d.getParent(); // a directory still to be made: its nearest parent decides
        if (d == null) return Optional.empty();
        List<Diagnosis> out = new ArrayList<>();
        FileChecks.writableDirectory(d, Access.process(), out);
        return explained(out);
    }

    /** One line per thing found ("doctor (DB_NOT_WRITABLE): ..."), then each fix once ("Fix: ..."): the file and its directory often share one. */
    private static Optional<String> explained(List<Diagnosis> findings) {
        if (findings.isEmpty()) return Optional.empty();
        List<String> lines = new ArrayList<>();
        findings.forEach(f -> lines.add("doctor (" + f.code() + "): " + f.found()));
        findings.stream().map(Diagnosis::fix).distinct().forEach(fix -> lines.add("Fix: " + fix));
        return Optional.of(String.join("\n", lines));
    }

    public DoctorReport examine() {
        List<Diagnosis> out = new ArrayList<>();
        releaseMachine(out);
        if (FileChecks.location(database, access, out)) {
            FileChecks.writable(database, access, out);
            FileChecks.liteFs(database, out);
            DatabaseChecks.header(database, recovery(), out).ifPresent(h -> contents(h, out));
        }
        if (backups != null) leftovers(out);
        return new DoctorReport(database, out);
    }

    /** Partial backups of this database that stopped backups left: space a rebuild may need, until the next backup. */
    private void leftovers(List<Diagnosis> out) {
        List<BackupLeftover> left = Backups.leftovers(backups, database.getFileName().toString())
                .stream().filter(BackupLeftover::leftOver).toList();
        if (left.isEmpty()) return;
        long bytes = left.stream().mapToLong(BackupLeftover::size).sum();
        out.add(Diagnosis.warning("BACKUP_LEFTOVER", left.size() + " partial backup(s) of " + database.getFileName() + " in " + backups
                        + ", " + Bytes.exactly(bytes) + " in all: " + left.stream()
                        .map(BackupLeftover::describe).collect(Collectors.joining("; ")) + ".",
                "A backup that was killed (SIGKILL, out of memory, a machine stopped during a deploy) cannot remove its partial"
                        + " copy. It is never restored or listed as a backup, but it takes space on the volume that a rebuild or"
                        + " the next backup may need.",
                "Run `liteshift backup` (it removes the partial backups of stopped processes first), or delete these files."));
    }

    private void contents(DatabaseChecks.Header header, List<Diagnosis> out) {
        Optional<Connection> opened = DatabaseChecks.open(database, recovery(), out);
        if (opened.isEmpty()) return;
        try (Connection c = opened.get()) {
            if (DatabaseChecks.damaged(c, database, recovery(), out)) return; // the other checks would read the damaged pages
            List<Migration> pending = migrations == null ? List.of() : MigrationChecks.check(c, database, header.size(), migrations, out);
            DatabaseChecks.settings(c, database, header, out);
            onlineLeftover(out);
            OptionalLong usable = usable();
            if (usable.isPresent()) {
                DiskCheck.check(database, usable.getAsLong(), DiskSpace.forScripts(c, header.size(), pending.stream().map(Migration::sql).toList()), !pending.isEmpty(), out);
            }
        } catch (SQLException | RuntimeException e) {
            out.add(Diagnosis.error("CHECK_FAILED", "examining " + database + " failed: " + e.getMessage(),
                    "doctor could not finish; the checks after this one did not run.",
                    "Run `liteshift verify` for the migration checks, and report this message."));
        }
    }

    /**
     * What a killed online rebuild left: the application's table is complete and in use, but its capture triggers
     * still log every write into the change log, and the shadow copy takes space, until a run finishes or removes it.
     */
    private void onlineLeftover(List<Diagnosis> out) {
        Optional<String> table = io.liteshift.online.OnlineRebuild.pending(database);
        if (table.isEmpty()) return;
        out.add(Diagnosis.warning("ONLINE_LEFTOVER", "an online rebuild of " + table.get() + " in " + database + " was stopped before it"
                        + " finished (killed, or a crash): its shadow table, capture triggers and change log are still there.",
                table.get() + " itself is complete and in use, but each of the application's writes to it is also logged until"
                        + " the rebuild is finished or removed, and the half-made copy takes space on the volume.",
                "Run the change again: `liteshift push --online` or `liteshift migrate` with the same schema resumes it from its"
                        + " checkpoint (or frees the old table's pages, when its swap had committed); any other push or migrate"
                        + " removes it first and says so. Nothing is lost either way."));
    }

    private Damage.Recovery recovery() {
        return new Damage.Recovery(database, backups);
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
    private void releaseMachine(List<Diagnosis> out) {
        String flag = environment.get("RELEASE_COMMAND");
        if (flag == null || flag.isBlank()) return;
        out.add(Diagnosis.error("FLY_RELEASE_MACHINE", "RELEASE_COMMAND=" + flag + ": this is a Fly.io release machine, which"
                        + " runs release_command before the deployment.",
                "Release machines are temporary and have no volumes: " + database + " is either missing or a throwaway file."
                        + " Migrating here changes nothing the application will read (or creates an empty database that is"
                        + " discarded), and the application then fails with \"no such table\".",
                "Remove the migration from release_command in fly.toml and migrate on boot, before the application serves"
                        + " traffic (`liteshift migrate` in the entrypoint, or LiteShift.configure()...migrate() at start-up)."));
    }
}
