package io.liteshift.cli;

import io.liteshift.Configuration;
import io.liteshift.EachDatabase;
import io.liteshift.report.JsonBackups;
import io.liteshift.backup.BackupCheck;
import io.liteshift.backup.BackupInfo;
import io.liteshift.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

@Command(name = "backup", description = {
        "Take an online, consistent backup of the database while the application keeps writing.",
        "Written as <db>-<UTC time>-v<schema version>.sqlite with a .manifest (SHA-256, size, source, time, version),",
        "checked with PRAGMA quick_check (--full-check: integrity_check) before it gets its name; restore always runs",
        "integrity_check. --keep N deletes this database's older backups beyond N. Partial backups that a stopped (killed)",
        "backup of this database left in DIR are removed first.",
        "--each GLOB: every matching database, --parallel N at once; DIR/x/ holds the backups of x/app.db under the glob."})
final class BackupCommand extends ProjectCommand {
    @Option(names = "--to", paramLabel = "DIR", description = "the backup directory (default: backups, or as set in liteshift.toml)")
    Path to;

    @Option(names = "--keep", paramLabel = "N", description = "keep only the newest N backups of this database (default: keep all)")
    int keep;

    @Mixin
    EachOptions each;

    @Mixin
    JsonOption json;

    @Mixin
    LockTimeoutOption lockTimeout;

    @Option(names = "--full-check", description = "check the copy with PRAGMA integrity_check (every row looked up in every index;"
            + " several times slower on a large indexed table) instead of quick_check")
    boolean fullCheck;

    @Override
    public Integer call() {
        if (each.requested()) return EachRun.run(this, each, json.on, this::one);
        BackupInfo b = settings(Setup.configuration(project, null)).progress(line -> err().println(line)).load()
                .backup(directory(project, to), keep);
        if (json.on) return Json.print(spec, 0, JsonBackups.taken(project.resolve().databaseFile().toString(), b));
        Reports.backup(b, report());
        return 0;
    }

    private EachRun.Row one(EachDatabase.Match db) {
        BackupInfo b = settings(Setup.configuration(project, null, db)).progress(line -> err().println(db.name() + ": " + line)).load()
                .backup(EachRun.below(directory(project, to), db), keep);
        return new EachRun.Row(0, "backed up", EachRun.Row.version(b.version()), b.file() + " (" + Reports.bytes(b.size()) + ")",
                List.of(), JsonBackups.taken(db.name(), b));
    }

    /** The project's settings with this command's check and lock timeout. */
    private Configuration settings(Configuration config) {
        return config.backupCheck(check()).lockTimeout(lockTimeout.or(project.resolve()));
    }

    private BackupCheck check() {
        return fullCheck ? BackupCheck.FULL : BackupCheck.QUICK;
    }

    /** --to, relative to the current directory, or the project's backups directory. */
    static Path directory(ProjectOptions project, Path to) {
        return to == null ? project.resolve().backups() : ProjectOptions.workingDir().resolve(to).normalize();
    }
}
